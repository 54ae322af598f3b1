package org.lscb.identity.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;

/**
 * A one-time code that stands in for the second factor when the phone is lost. Shown once when two-factor
 * sign-in is set up; only its SHA-256 is kept. A fast hash is enough here, unlike for passwords: each code
 * is 80 random bits, which no dictionary or brute force reaches, and sign-in attempts are throttled anyway.
 */
@Entity
@Table(name = "account_recovery_code")
@IdClass(RecoveryCode.Key.class)
public class RecoveryCode {

    /** How many codes a person gets. */
    public static final int ISSUED = 10;
    /** Lower-case base32: no 0, 1, 8 or 9, so nothing reads as O, l or B when typed from a printout. */
    private static final char[] ALPHABET = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();

    private static final SecureRandom RANDOM = new SecureRandom();

    @Id
    @Column(name = "account_id", length = 36)
    private String accountId;

    @Id
    @Column(name = "code_hash", length = 64)
    private String codeHash;

    @Column(name = "used_at")
    private Instant usedAt;

    protected RecoveryCode() {}

    public RecoveryCode(String accountId, String code) {
        this.accountId = accountId;
        this.codeHash = hash(code);
    }

    /** A new code: 16 base32 characters (80 bits) in four groups, such as {@code k3vq-9xa2-...}. */
    public static String newCode() {
        StringBuilder b = new StringBuilder(19);
        for (int i = 0; i < 16; i++) {
            if (i > 0 && i % 4 == 0) {
                b.append('-');
            }
            b.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
        }
        return b.toString();
    }

    /** The stored form of what a person typed: case, spaces and dashes do not matter. */
    public static String hash(String typed) {
        String normal = normal(typed);
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(normal.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** True when the typed text looks like a recovery code rather than a six-digit one. */
    public static boolean looksLikeOne(String typed) {
        return typed != null && normal(typed).matches("[a-z2-7]{16}");
    }

    /** Case, spaces and dashes are how a person copies a code, not part of it. */
    private static String normal(String typed) {
        return typed.toLowerCase(Locale.ROOT).replaceAll("[\\s-]", "");
    }

    public void use(Instant at) {
        if (usedAt != null) {
            throw new IllegalStateException("recovery code already used");
        }
        usedAt = at;
    }

    public boolean used() {
        return usedAt != null;
    }

    public String accountId() {
        return accountId;
    }

    /** The composite key (account, hash). */
    public static class Key implements Serializable {
        private String accountId;
        private String codeHash;

        public Key() {}

        public Key(String accountId, String codeHash) {
            this.accountId = accountId;
            this.codeHash = codeHash;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(accountId, k.accountId) && Objects.equals(codeHash, k.codeHash);
        }

        @Override
        public int hashCode() {
            return Objects.hash(accountId, codeHash);
        }
    }
}
