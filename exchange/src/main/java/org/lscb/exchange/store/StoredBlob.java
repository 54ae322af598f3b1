package org.lscb.exchange.store;

/** Ciphertext in the content-addressed store, durable, named by its SHA-256. */
public record StoredBlob(String sha256, long size) {}
