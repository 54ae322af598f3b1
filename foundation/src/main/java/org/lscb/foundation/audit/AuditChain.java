package org.lscb.foundation.audit;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * The hash that links one audit entry to the one before:
 * SHA-256(previous hash, sequence number, time, then each field length-prefixed in UTF-8).
 * Length prefixes make the encoding unambiguous, so two different entries never hash alike.
 */
public final class AuditChain {

    /** The "previous hash" of the very first entry. */
    public static final String GENESIS = "0".repeat(64);

    private AuditChain() {}

    public static String link(String prevHash, long seq, AuditEvent e) {
        return link(
                prevHash,
                seq,
                e.occurredAt(),
                e.actor(),
                e.action().name(),
                e.objectType(),
                e.objectId(),
                e.reviewId(),
                e.details());
    }

    /**
     * The hash over fields as stored: the action is its stored name, so that a row whose action was edited to a
     * string no {@link AuditAction} has still hashes (and fails to verify) rather than failing to load.
     */
    static String link(
            String prevHash,
            long seq,
            Instant occurredAt,
            String actor,
            String action,
            String objectType,
            String objectId,
            String reviewId,
            String details) {
        MessageDigest sha = sha256();
        sha.update(prevHash.getBytes(StandardCharsets.US_ASCII));
        sha.update(ByteBuffer.allocate(16)
                .putLong(seq)
                .putLong(occurredAt.toEpochMilli())
                .array());
        for (String field : new String[] {actor, action, objectType, objectId, reviewId, details}) {
            if (field == null) {
                sha.update(ByteBuffer.allocate(4).putInt(-1).array());
            } else {
                byte[] bytes = field.getBytes(StandardCharsets.UTF_8);
                sha.update(ByteBuffer.allocate(4).putInt(bytes.length).array());
                sha.update(bytes);
            }
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }
}
