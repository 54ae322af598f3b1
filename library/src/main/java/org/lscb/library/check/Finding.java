package org.lscb.library.check;

/**
 * Personal data found in a report: its kind, the page (PDF) or paragraph (Word) it is on, counted from 1, and a
 * short context around it in which it and any other finding are replaced by their {@link FindingKind#mask()}, so
 * that a refusal does not itself repeat what must not be published.
 */
public record Finding(FindingKind kind, int page, String context) {}
