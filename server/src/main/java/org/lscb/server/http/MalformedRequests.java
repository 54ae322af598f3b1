package org.lscb.server.http;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * Decides whether a request's target and header block are fit to be handed to the servlet container,
 * before anything decodes them. What it refuses, the container would otherwise answer with an empty
 * {@code 400 Invalid URI} (bad UTF-8, NUL, backslash, a path above the root), a {@code 200} with an
 * empty body and a stack trace in the log (a malformed {@code %} escape), or not at all (a 200 KB query
 * reaching the application, a 100 KB token reaching the token check).
 *
 * <p>The limits sit well inside the HTTP listener's own header buffer
 * ({@code header-buffer-length-bytes} in {@code config/payara/pre-boot-commands.asadmin}, 256 KiB):
 * what is larger than that buffer is refused by the listener itself with a bare {@code 400}.
 */
public final class MalformedRequests {

    /** Path and query together; room for a search of thousands of words. */
    public static final int MAX_TARGET_BYTES = 64 * 1024;
    /** One header field, name and value; a bearer token is about 1 KB. */
    public static final int MAX_FIELD_BYTES = 16 * 1024;
    /** All header fields together. */
    public static final int MAX_HEADER_BYTES = 32 * 1024;

    /** Why a request is refused: the status, the stable error code and a sentence for people. */
    public record Refusal(int status, String error, String message) {}

    static final Refusal TARGET_TOO_LONG =
            new Refusal(414, "uri_too_long", "the request URI is longer than " + MAX_TARGET_BYTES + " bytes");
    static final Refusal HEADERS_TOO_LARGE = new Refusal(
            431,
            "headers_too_large",
            "a header field is longer than " + MAX_FIELD_BYTES + " bytes, or all of them together longer than "
                    + MAX_HEADER_BYTES + " bytes");
    static final Refusal BAD_ESCAPE = malformed("a % in the request URI is not followed by two hexadecimal digits");
    static final Refusal BAD_UTF8 = malformed("the request URI does not decode to UTF-8 text");
    static final Refusal CONTROL_CHARACTER =
            malformed("the request path holds a control character (such as NUL) or a backslash");
    static final Refusal NOT_A_PATH = malformed("the request path must start with /");
    static final Refusal ABOVE_ROOT = malformed("the request path climbs above /");

    private MalformedRequests() {}

    /**
     * @param rawPath the path as it came on the request line, escapes undecoded, one char per byte
     * @param rawQuery the query as it came, or null when there is none
     * @param headerFieldSizes the size in bytes (name and value) of each header field
     */
    public static Optional<Refusal> refusal(String rawPath, String rawQuery, int[] headerFieldSizes) {
        long target = rawPath.length() + (rawQuery == null ? 0 : rawQuery.length() + 1L);
        if (target > MAX_TARGET_BYTES) {
            return Optional.of(TARGET_TOO_LONG);
        }
        long total = 0;
        for (int size : headerFieldSizes) {
            if (size > MAX_FIELD_BYTES) {
                return Optional.of(HEADERS_TOO_LARGE);
            }
            total += size;
        }
        if (total > MAX_HEADER_BYTES) {
            return Optional.of(HEADERS_TOO_LARGE);
        }
        Optional<Refusal> path = path(rawPath);
        return path.isPresent() ? path : query(rawQuery);
    }

    private static Optional<Refusal> path(String rawPath) {
        if (rawPath.equals("*")) {
            return Optional.empty(); // OPTIONS * asks about the server as a whole
        }
        if (!rawPath.startsWith("/")) {
            return Optional.of(NOT_A_PATH);
        }
        String decoded;
        try {
            decoded = utf8(unescape(rawPath));
        } catch (MalformedEscapeException e) {
            return Optional.of(BAD_ESCAPE);
        } catch (CharacterCodingException e) {
            return Optional.of(BAD_UTF8);
        }
        for (int i = 0; i < decoded.length(); i++) {
            char c = decoded.charAt(i);
            if (c < 0x20 || c == 0x7f || c == '\\') {
                return Optional.of(CONTROL_CHARACTER);
            }
        }
        return climbsAboveRoot(decoded) ? Optional.of(ABOVE_ROOT) : Optional.empty();
    }

    private static Optional<Refusal> query(String rawQuery) {
        if (rawQuery == null) {
            return Optional.empty();
        }
        try {
            utf8(unescape(rawQuery));
            return Optional.empty();
        } catch (MalformedEscapeException e) {
            return Optional.of(BAD_ESCAPE);
        } catch (CharacterCodingException e) {
            return Optional.of(BAD_UTF8);
        }
    }

    /** The bytes the escapes stand for; other characters stand for themselves (one byte each, as they came). */
    static byte[] unescape(String raw) throws MalformedEscapeException {
        byte[] out = new byte[raw.length()];
        int n = 0;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                int hi = i + 1 < raw.length() ? hex(raw.charAt(i + 1)) : -1;
                int lo = i + 2 < raw.length() ? hex(raw.charAt(i + 2)) : -1;
                if (hi < 0 || lo < 0) {
                    throw new MalformedEscapeException();
                }
                out[n++] = (byte) (hi << 4 | lo);
                i += 2;
            } else {
                out[n++] = (byte) c;
            }
        }
        return java.util.Arrays.copyOf(out, n);
    }

    private static int hex(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        return c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
    }

    private static String utf8(byte[] bytes) throws CharacterCodingException {
        return StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes))
                .toString();
    }

    /** True when resolving {@code .} and {@code ..} segments would leave the root, as {@code /../etc} does. */
    private static boolean climbsAboveRoot(String path) {
        Deque<String> kept = new ArrayDeque<>();
        for (String segment : path.substring(1).split("/", -1)) {
            if (segment.equals("..")) {
                if (kept.isEmpty()) {
                    return true;
                }
                kept.removeLast();
            } else if (!segment.equals(".") && !segment.isEmpty()) {
                kept.addLast(segment);
            }
        }
        return false;
    }

    private static Refusal malformed(String message) {
        return new Refusal(400, "malformed_uri", message);
    }

    private static final class MalformedEscapeException extends Exception {
        MalformedEscapeException() {
            super(null, null, false, false);
        }
    }
}
