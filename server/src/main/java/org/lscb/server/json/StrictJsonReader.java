package org.lscb.server.json;

import jakarta.annotation.Priority;
import jakarta.json.Json;
import jakarta.json.JsonConfig;
import jakarta.json.JsonException;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParserFactory;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.Provider;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.Map;
import org.lscb.foundation.value.InvalidValueException;
import org.lscb.server.error.BodyCutShortException;
import org.lscb.server.error.BodyTooLargeException;
import org.lscb.server.error.MalformedJsonException;

/**
 * Reads every JSON request body of the API, stricter than the default binding: at most
 * {@value #MAX_BYTES} bytes, nesting at most {@value JsonDepth#MAX_DEPTH} deep, no duplicate keys, and
 * values of the wrong type refused, integers exact ({@link JsonShape}); a record marked {@link MaxBodyBytes}
 * takes less. What fails here is a 400 (or 413) before any code runs.
 */
@Provider
@Priority(1)
@Consumes(MediaType.APPLICATION_JSON)
public class StrictJsonReader implements MessageBodyReader<Object> {

    static final int MAX_BYTES = 256 * 1024;
    private static final long DRAIN_BYTES = 8L * 1024 * 1024;

    private static final JsonReaderFactory READERS =
            Json.createReaderFactory(Map.of(JsonConfig.KEY_STRATEGY, JsonConfig.KeyStrategy.NONE));
    private static final JsonParserFactory PARSERS = Json.createParserFactory(Map.of());
    private static final Jsonb JSONB = JsonbBuilder.create();

    @Override
    public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return type.getName().startsWith("org.lscb.");
    }

    @Override
    public Object readFrom(
            Class<Object> type,
            Type genericType,
            Annotation[] annotations,
            MediaType mediaType,
            MultivaluedMap<String, String> httpHeaders,
            InputStream entityStream)
            throws IOException {
        MaxBodyBytes smaller = type.getAnnotation(MaxBodyBytes.class);
        byte[] body = readBounded(entityStream, smaller == null ? MAX_BYTES : Math.min(MAX_BYTES, smaller.value()));
        if (body.length == 0) {
            return null;
        }
        JsonDepth.check(body);
        JsonValue value;
        try (JsonReader reader = READERS.createReader(new ByteArrayInputStream(body))) {
            value = reader.readValue();
        } catch (JsonException e) {
            throw new MalformedJsonException(e.getMessage(), e);
        } catch (NumberFormatException | UnsupportedOperationException e) {
            // the parser makes every number's value as it reads; one it cannot make (an exponent past any BigDecimal,
            // more digits than it takes) is the caller's mistake, not the server's
            throw new InvalidValueException(UnreadableNumber.field(body), "is a number too large to accept");
        }
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new MalformedJsonException("the body must be a JSON object", null);
        }
        rejectTrailing(body);
        JsonShape.check(value, genericType, "");
        try {
            return JSONB.fromJson(value.toString(), genericType);
        } catch (JsonbException e) {
            throw new MalformedJsonException(e.getMessage(), e);
        }
    }

    /**
     * The reader stops at the end of the first value and ignores whatever follows it, so that {@code {"a":1} x} or two
     * objects one after the other would be read as the first. A body is one object and nothing more but white space:
     * a proxy or client that joins or cuts bodies must not have half of one taken for the request.
     */
    private static void rejectTrailing(byte[] body) {
        try (JsonParser parser = PARSERS.createParser(new ByteArrayInputStream(body))) {
            parser.next();
            parser.skipObject();
            if (parser.hasNext()) {
                throw new MalformedJsonException("nothing may follow the JSON object", null);
            }
        } catch (JsonException e) {
            throw new MalformedJsonException("nothing may follow the JSON object", e);
        }
    }

    /** Reads and drops a little more of an oversize body, so that the client hears the 413. */
    private static void drain(InputStream in) throws IOException {
        byte[] buf = new byte[8192];
        long left = DRAIN_BYTES;
        int n;
        while (left > 0 && (n = in.read(buf, 0, (int) Math.min(buf.length, left))) != -1) {
            left -= n;
        }
    }

    private static int readSome(InputStream in, byte[] buf) throws IOException {
        try {
            return in.read(buf);
        } catch (EOFException e) {
            throw new BodyCutShortException(e);
        }
    }

    private static byte[] readBounded(InputStream in, int limit) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        int n;
        while ((n = readSome(in, buf)) != -1) {
            if (out.size() + n > limit) {
                drain(in);
                throw new BodyTooLargeException(limit);
            }
            out.write(buf, 0, n);
        }
        return out.toByteArray();
    }
}
