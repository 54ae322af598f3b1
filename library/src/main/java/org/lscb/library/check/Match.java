package org.lscb.library.check;

/** Where one detector found something in one part of a report: characters {@code start} (inclusive) to {@code end}. */
public record Match(FindingKind kind, int start, int end) {}
