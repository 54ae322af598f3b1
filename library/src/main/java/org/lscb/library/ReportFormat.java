package org.lscb.library;

import java.util.Optional;

/**
 * The forms a report may be published in, known by their first bytes rather than by what the uploader claims.
 * Legacy Word (.doc) is refused: it is a binary format whose parser (POI's HWPF "scratchpad") is the least
 * maintained and the largest to expose, and every word processor saves .docx or PDF.
 */
public enum ReportFormat {
    PDF("application/pdf", "pdf"),
    DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx");

    private final String mediaType;
    private final String extension;

    ReportFormat(String mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    public String mediaType() {
        return mediaType;
    }

    public String extension() {
        return extension;
    }

    /** PDF starts {@code %PDF-}; a .docx is a zip ({@code PK\3\4}) whose parts the extraction then checks. */
    public static Optional<ReportFormat> sniff(byte[] head) {
        if (startsWith(head, new byte[] {'%', 'P', 'D', 'F', '-'})) {
            return Optional.of(PDF);
        }
        if (startsWith(head, new byte[] {'P', 'K', 3, 4})) {
            return Optional.of(DOCX);
        }
        return Optional.empty();
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
