package org.lscb.envelope.custody;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.List;
import org.lscb.envelope.Identity;

/**
 * The board key's signature over a split as uploaded: which board and certificate, the threshold, and each custodian's
 * certificate with the SHA-256 of the envelope holding their share. Only whoever holds the whole key can make it, so
 * the server accepts a split, or a new split replacing one, only from someone who held the key at that moment: an
 * officer without the key cannot replace the shares with useless ones.
 */
public final class SplitProof {

    /** One custodian's sealed share as the proof names it. */
    public record Sealed(String custodianCertificateId, byte[] envelope) {}

    private SplitProof() {}

    /** The exact bytes signed. */
    public static byte[] message(String boardId, String boardCertificateId, int threshold, List<Sealed> shares) {
        StringBuilder m = new StringBuilder("lscb board key split v1\n")
                .append(boardId)
                .append('\n')
                .append(boardCertificateId)
                .append('\n')
                .append(threshold)
                .append('\n');
        for (Sealed s : shares) {
            m.append(s.custodianCertificateId())
                    .append(' ')
                    .append(sha256Hex(s.envelope()))
                    .append('\n');
        }
        return m.toString().getBytes(StandardCharsets.UTF_8);
    }

    public static byte[] sign(Identity board, byte[] message) {
        try {
            return KeyPairCheck.sign(board.privateKey(), message);
        } catch (GeneralSecurityException e) {
            throw new KeyShareException("cannot sign the split with the board key: " + e.getMessage());
        }
    }

    public static boolean verifies(X509Certificate board, byte[] message, byte[] signature) {
        return KeyPairCheck.verifies(board.getPublicKey(), message, signature);
    }

    private static String sha256Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
