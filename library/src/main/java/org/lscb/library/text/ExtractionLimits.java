package org.lscb.library.text;

import java.time.Duration;

/**
 * How much reading one file may cost: its size, its pages (PDF) or paragraphs (Word), the text taken from it, and
 * the time allowed. A published review is tens of pages; the defaults leave room for the longest and refuse what
 * only a broken or hostile file would need.
 */
public record ExtractionLimits(long maxBytes, int maxPages, int maxParagraphs, int maxChars, Duration timeout) {

    public static final ExtractionLimits DEFAULT =
            new ExtractionLimits(20L * 1024 * 1024, 500, 20_000, 2_000_000, Duration.ofSeconds(30));

    public ExtractionLimits {
        if (maxBytes <= 0 || maxPages <= 0 || maxParagraphs <= 0 || maxChars <= 0 || timeout.isNegative()) {
            throw new IllegalArgumentException("limits must be positive");
        }
    }
}
