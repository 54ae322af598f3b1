package org.lscb.load;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * One-time codes for the accounts that must sign in with a second factor (RFC 6238: HMAC-SHA1, 30-second steps,
 * six digits), as an authenticator app makes them. The server accepts each step once per account, so each
 * account's last step is kept and the next code is that of a step not used yet: the current one, or the one after
 * it (the server allows one step of drift).
 */
final class Totp {

    private static final Map<String, byte[]> SECRETS = new ConcurrentHashMap<>();

    private static final Map<String, Long> LAST_STEP = new ConcurrentHashMap<>();

    private Totp() {}

    static void remember(String username, String base32Secret) {
        SECRETS.put(username, base32(base32Secret));
    }

    static boolean knows(String username) {
        return SECRETS.containsKey(username);
    }

    /** The code of the next step this account has not used, or null when that step lies too far ahead. */
    static String nextCode(String username) {
        long now = System.currentTimeMillis() / 30_000;
        long step = LAST_STEP.merge(username, now, (last, current) -> Math.max(current, last + 1));
        if (step > now + 1) {
            return null;
        }
        return code(SECRETS.get(username), step);
    }

    static String code(byte[] key, long step) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(key, "HmacSHA1"));
            byte[] h = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
            int o = h[h.length - 1] & 0x0f;
            int bin = ((h[o] & 0x7f) << 24) | ((h[o + 1] & 0xff) << 16) | ((h[o + 2] & 0xff) << 8) | (h[o + 3] & 0xff);
            return String.format(Locale.ROOT, "%06d", bin % 1_000_000);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** RFC 4648 base32, padding and spaces ignored, any case. */
    static byte[] base32(String text) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        String s = text.replaceAll("[\\s=]", "").toUpperCase(Locale.ROOT);
        ByteBuffer out = ByteBuffer.allocate(s.length() * 5 / 8);
        int buffer = 0;
        int bits = 0;
        for (char c : s.toCharArray()) {
            int v = alphabet.indexOf(c);
            if (v < 0) {
                throw new IllegalArgumentException("not base32: " + c);
            }
            buffer = (buffer << 5) | v;
            bits += 5;
            if (bits >= 8) {
                out.put((byte) (buffer >> (bits - 8)));
                bits -= 8;
            }
        }
        return out.array();
    }
}
