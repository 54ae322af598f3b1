package org.lscb.server.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * HTTP/1.1 written by hand, for what {@link Api}'s client will not send: malformed request lines, a forged
 * {@code Host}, headers of any size, and a chosen loopback source address (all of 127.0.0.0/8 reaches
 * a server bound to 127.0.0.1 on Linux), so that a test is a client address of its own.
 */
final class RawHttp {

    record Reply(int status, Map<String, List<String>> headers, String body) {
        /** The first value of a header, or null; names are matched without regard to case. */
        String header(String name) {
            List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
            return values == null ? null : values.get(0);
        }

        JsonObject json() {
            return Json.createReader(new StringReader(body)).readObject();
        }

        String error() {
            return json().getString("error");
        }
    }

    private final InetSocketAddress server;
    private final InetAddress from;

    private RawHttp(InetSocketAddress server, InetAddress from) {
        this.server = server;
        this.from = from;
    }

    static RawHttp to(String baseUrl) {
        URI uri = URI.create(baseUrl);
        return new RawHttp(new InetSocketAddress(uri.getHost(), uri.getPort()), InetAddress.getLoopbackAddress());
    }

    /** The same server, reached from another source address. */
    RawHttp from(InetAddress source) {
        return new RawHttp(server, source);
    }

    /** A loopback address no other test uses: 127.x.y.z, never 127.0.0.1. */
    static InetAddress freshLoopbackAddress() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        try {
            return InetAddress.getByAddress(
                    new byte[] {127, (byte) r.nextInt(1, 255), (byte) r.nextInt(1, 255), (byte) r.nextInt(1, 255)});
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    /** GET of the target exactly as given, with {@code Host} and any further header lines ("Name: value"). */
    Reply get(String target, String... headerLines) {
        return send("GET", target, null, headerLines);
    }

    Reply send(String method, String target, byte[] body, String... headerLines) {
        StringBuilder head =
                new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\n");
        boolean hostGiven = false;
        for (String line : headerLines) {
            hostGiven |= line.regionMatches(true, 0, "Host:", 0, 5);
            head.append(line).append("\r\n");
        }
        if (!hostGiven) {
            head.append("Host: ")
                    .append(server.getHostString())
                    .append(':')
                    .append(server.getPort())
                    .append("\r\n");
        }
        if (body != null) {
            head.append("Content-Length: ").append(body.length).append("\r\n");
        }
        head.append("Connection: close\r\n\r\n");
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(from, 0));
            socket.setSoTimeout(60_000);
            socket.connect(server, 5_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            if (body != null) {
                out.write(body);
            }
            out.flush();
            return parse(socket.getInputStream().readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Reply parse(byte[] raw) throws IOException {
        String text = new String(raw, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        if (end < 0) {
            throw new IOException("no complete response head in " + raw.length + " bytes: " + text);
        }
        String[] lines = text.substring(0, end).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.computeIfAbsent(
                            lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                    .add(lines[i].substring(colon + 1).strip());
        }
        byte[] body = java.util.Arrays.copyOfRange(raw, end + 4, raw.length);
        List<String> te = headers.get("transfer-encoding");
        if (te != null && te.get(0).equalsIgnoreCase("chunked")) {
            body = unchunk(body);
        }
        return new Reply(status, headers, new String(body, StandardCharsets.UTF_8));
    }

    private static byte[] unchunk(byte[] chunked) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int pos = 0;
        while (pos < chunked.length) {
            int lineEnd = indexOfCrlf(chunked, pos);
            int size = Integer.parseInt(
                    new String(chunked, pos, lineEnd - pos, StandardCharsets.ISO_8859_1).split(";")[0].strip(), 16);
            if (size == 0) {
                break;
            }
            out.write(chunked, lineEnd + 2, size);
            pos = lineEnd + 2 + size + 2;
        }
        return out.toByteArray();
    }

    private static int indexOfCrlf(byte[] b, int from) {
        for (int i = from; i + 1 < b.length; i++) {
            if (b[i] == '\r' && b[i + 1] == '\n') {
                return i;
            }
        }
        throw new IllegalStateException("a chunk size line without CRLF");
    }
}
