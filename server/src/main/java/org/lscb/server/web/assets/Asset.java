package org.lscb.server.web.assets;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.zip.GZIPOutputStream;

/** One static file of the pages, held in memory as it is sent: plain and gzip-compressed. */
record Asset(String name, String contentType, byte[] plain, byte[] gzipped) {

    static Asset of(String name, String contentType, byte[] plain) {
        return new Asset(name, contentType, plain, gzip(plain));
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
