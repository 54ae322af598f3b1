package org.lscb.server.config;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * The secret a metrics scraper presents instead of an administrator's token ({@code METRICS_TOKEN}),
 * sent as HTTP Basic credentials with the user name {@value #USER} (Prometheus: {@code basic_auth} with
 * {@code password_file}). Basic rather than Bearer because every bearer token is checked as a JWT
 * before this application sees the request. Kept only as a digest; compared in constant time; never printed.
 */
public final class ScrapeToken {

    public static final String USER = "metrics";
    static final int MIN_LENGTH = 32;

    private final byte[] digest;

    private ScrapeToken(byte[] digest) {
        this.digest = digest;
    }

    /** Refuses a short or blank secret, or one with spaces or control characters, with a sentence saying what is allowed. */
    public static ScrapeToken of(String secret) {
        if (secret.length() < MIN_LENGTH) {
            throw new IllegalArgumentException(
                    "must be at least " + MIN_LENGTH + " characters (for example: openssl rand -base64 32)");
        }
        for (int i = 0; i < secret.length(); i++) {
            char c = secret.charAt(i);
            if (c <= ' ' || c == 0x7f) {
                throw new IllegalArgumentException("must hold no spaces or control characters");
            }
        }
        return new ScrapeToken(sha256(secret));
    }

    /** True when the {@code Authorization} header carries Basic credentials of {@value #USER} with this secret. */
    public boolean matchesAuthorization(String header) {
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return false;
        }
        String credentials;
        try {
            credentials =
                    new String(Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
        int colon = credentials.indexOf(':');
        if (colon < 0 || !credentials.substring(0, colon).equals(USER)) {
            return false;
        }
        // digests of equal length, so the comparison takes the same time whatever was sent
        return MessageDigest.isEqual(digest, sha256(credentials.substring(colon + 1)));
    }

    @Override
    public String toString() {
        return "ScrapeToken[hidden]";
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
