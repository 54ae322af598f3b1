package org.lscb.envelope.custody;

import com.codahale.shamir.Scheme;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lscb.envelope.Identity;

/**
 * Splits a board's private key into M-of-N shares and rebuilds it from any M (docs/security.md "Board key custody").
 * The secret is the key's PKCS#8 encoding; the splitting is Shamir's, over GF(256), by {@code com.codahale:shamir}:
 * fewer than the threshold of shares say nothing about the key. A rebuilt key is used only once it is proved to be the
 * private half of the board certificate, so a damaged or foreign share is found before anything is signed or opened.
 */
public final class KeyShares {

    /** One share alone is the key itself: custody needs at least two to agree. */
    public static final int MIN_THRESHOLD = 2;
    /** A board's custodians are its officers and partner agencies' staff: a handful, never hundreds. */
    public static final int MAX_SHARES = 16;

    private KeyShares() {}

    /** Splits {@code board}'s key into {@code shares} shares, any {@code threshold} of which rebuild it. */
    public static List<KeyShare> split(Identity board, int shares, int threshold, SecureRandom random) {
        if (threshold < MIN_THRESHOLD || shares < threshold || shares > MAX_SHARES) {
            throw new KeyShareException("the threshold must be at least " + MIN_THRESHOLD + " and at most the number of"
                    + " shares, which is at most " + MAX_SHARES + " (asked: " + threshold + " of " + shares + ")");
        }
        byte[] secret = board.privateKey().getEncoded();
        byte[] splitId = new byte[16];
        random.nextBytes(splitId);
        byte[] certificate = sha256(board.certificate());
        Map<Integer, byte[]> parts = new Scheme(random, shares, threshold).split(secret);
        try {
            List<KeyShare> out = new ArrayList<>();
            for (Map.Entry<Integer, byte[]> p : parts.entrySet()) {
                out.add(new KeyShare(splitId, certificate, threshold, shares, p.getKey(), p.getValue()));
            }
            return out;
        } finally {
            Arrays.fill(secret, (byte) 0);
            parts.values().forEach(v -> Arrays.fill(v, (byte) 0));
        }
    }

    /**
     * Rebuilds the key of {@code boardCertificate} from shares of one split. Given more than the threshold, it tries
     * each set of {@code threshold} shares until one rebuilds the key, so one damaged share among enough good ones does
     * not stop a recovery.
     *
     * @throws KeyShareException when the shares are of different splits or another key, too few, or no set of them
     *     rebuilds the key
     */
    public static Identity join(X509Certificate boardCertificate, Collection<KeyShare> shares) {
        if (shares.isEmpty()) {
            throw new KeyShareException("no shares");
        }
        KeyShare first = shares.iterator().next();
        String certificate = java.util.HexFormat.of().formatHex(sha256(boardCertificate));
        Map<Integer, KeyShare> byIndex = new LinkedHashMap<>();
        for (KeyShare s : shares) {
            if (!s.split().equals(first.split()) || s.threshold() != first.threshold()) {
                throw new KeyShareException("the shares are of different splits; ask for shares of the current one");
            }
            if (!s.boardCertificateSha256().equals(certificate)) {
                throw new KeyShareException("a share is of another key than this board certificate's");
            }
            byIndex.putIfAbsent(s.index(), s);
        }
        int threshold = first.threshold();
        if (byIndex.size() < threshold) {
            throw new KeyShareException(
                    byIndex.size() + " different shares, but " + threshold + " are needed to rebuild the key");
        }
        List<KeyShare> distinct = List.copyOf(byIndex.values());
        for (List<KeyShare> set : sets(distinct, threshold)) {
            Identity rebuilt = tryRebuild(boardCertificate, set, threshold);
            if (rebuilt != null) {
                return rebuilt;
            }
        }
        throw new KeyShareException("the shares do not rebuild the board key: at least one of them is damaged");
    }

    private static Identity tryRebuild(X509Certificate certificate, List<KeyShare> set, int threshold) {
        Map<Integer, byte[]> parts = new HashMap<>();
        set.forEach(s -> parts.put(s.index(), s.value()));
        byte[] secret = new Scheme(new SecureRandom(), Math.max(threshold, maxIndex(set)), threshold).join(parts);
        try {
            PrivateKey key = KeyFactory.getInstance(certificate.getPublicKey().getAlgorithm())
                    .generatePrivate(new PKCS8EncodedKeySpec(secret));
            return KeyPairCheck.matches(key, certificate) ? Identity.of(key, certificate) : null;
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return null; // not a key at all: a share was damaged
        } finally {
            Arrays.fill(secret, (byte) 0);
        }
    }

    private static int maxIndex(List<KeyShare> set) {
        return set.stream().mapToInt(KeyShare::index).max().orElse(1);
    }

    /** Every set of {@code k} of {@code items}, in order: at most C(16, 8), and in practice C(5, 3). */
    private static List<List<KeyShare>> sets(List<KeyShare> items, int k) {
        List<List<KeyShare>> out = new ArrayList<>();
        collect(items, k, 0, new ArrayList<>(), out);
        return out;
    }

    private static void collect(
            List<KeyShare> items, int k, int from, List<KeyShare> chosen, List<List<KeyShare>> out) {
        if (chosen.size() == k) {
            out.add(List.copyOf(chosen));
            return;
        }
        for (int i = from; i <= items.size() - (k - chosen.size()); i++) {
            chosen.add(items.get(i));
            collect(items, k, i + 1, chosen, out);
            chosen.remove(chosen.size() - 1);
        }
    }

    static byte[] sha256(X509Certificate c) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(c.getEncoded());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 of a certificate", e);
        }
    }
}
