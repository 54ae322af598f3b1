package org.lscb.server.web.assets;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.zip.GZIPOutputStream;

/**
 * One static file of the pages, held in memory as it is sent: plain and gzip-compressed, with its Subresource
 * Integrity value (W3C SRI, {@code sha384-<base64>}), all computed once when the bundle's files are loaded.
 */
record Asset(String name, String contentType, byte[] plain, byte[] gzipped, String integrity) {

    static Asset of(String name, String contentType, byte[] plain) {
        return new Asset(name, contentType, plain, gzip(plain), integrityOf(plain));
    }

    private static String integrityOf(byte[] plain) {
        try {
            return "sha384-"
                    + java.util.Base64.getEncoder()
                            .encodeToString(java.security.MessageDigest.getInstance("SHA-384")
                                    .digest(plain));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] gzip(byte[] plain) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(plain.length / 3 + 64);
        try (GZIPOutputStream z = new GZIPOutputStream(out)) {
            z.write(plain);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
