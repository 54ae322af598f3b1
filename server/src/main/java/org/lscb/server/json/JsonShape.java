package org.lscb.server.json;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.Collection;
import org.lscb.foundation.value.InvalidValueException;

/**
 * Checks a parsed JSON object against the record it is bound to before binding, so that a number
 * where text belongs, an object where a list belongs, a number too large to be meant or one that an
 * integer field cannot hold exactly ({@link IntegerRange}) is a 400 naming the field, instead of being
 * quietly converted. Records are followed into their components, lists into their elements and maps
 * into their values, so every field of every request record is checked here, in one place.
 */
final class JsonShape {

    /** Longest number text accepted anywhere: enough for any id, count or money amount. */
    static final int MAX_NUMBER_CHARS = 20;

    private JsonShape() {}

    static void check(JsonValue value, Type type, String path) {
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return;
        }
        Class<?> raw = raw(type);
        switch (value.getValueType()) {
            case STRING -> expect(raw == String.class || raw.isEnum() || raw == Object.class, path, "text");
            case TRUE, FALSE -> expect(raw == Boolean.class || raw == boolean.class, path, "true or false");
            case NUMBER -> {
                expect(
                        Number.class.isAssignableFrom(raw) || raw.isPrimitive() && raw != boolean.class,
                        path,
                        "a number");
                if (((JsonNumber) value).toString().length() > MAX_NUMBER_CHARS) {
                    throw new InvalidValueException(path, "is a number too large to accept");
                }
                // after the length check, which bounds the work of looking at the number's value
                IntegerRange.of(raw).ifPresent(range -> range.check((JsonNumber) value, path));
            }
            case ARRAY -> {
                expect(Collection.class.isAssignableFrom(raw), path, "a list");
                Type element = type instanceof ParameterizedType p ? p.getActualTypeArguments()[0] : Object.class;
                JsonArray array = value.asJsonArray();
                for (int i = 0; i < array.size(); i++) {
                    check(array.get(i), element, path + "[" + i + "]");
                }
            }
            case OBJECT -> {
                if (raw.isRecord()) {
                    JsonObject object = value.asJsonObject();
                    if (raw.isAnnotationPresent(RejectUnknownFields.class)) {
                        java.util.Set<String> known = new java.util.HashSet<>();
                        for (RecordComponent c : raw.getRecordComponents()) {
                            known.add(c.getName());
                        }
                        object.keySet().stream()
                                .filter(k -> !known.contains(k))
                                .findFirst()
                                .ifPresent(unknown -> {
                                    String k = shown(unknown);
                                    throw new InvalidValueException(
                                            path.isEmpty() ? k : path + "." + k,
                                            "is not a field here; accepted fields are "
                                                    + new java.util.TreeSet<>(known));
                                });
                    }
                    for (RecordComponent c : raw.getRecordComponents()) {
                        check(
                                object.get(c.getName()),
                                c.getGenericType(),
                                path.isEmpty() ? c.getName() : path + "." + c.getName());
                    }
                } else {
                    expect(java.util.Map.class.isAssignableFrom(raw) || raw == Object.class, path, "an object");
                    if (type instanceof ParameterizedType p && p.getActualTypeArguments().length == 2) {
                        value.asJsonObject()
                                .forEach((k, v) -> check(
                                        v,
                                        p.getActualTypeArguments()[1],
                                        path.isEmpty() ? shown(k) : path + "." + shown(k)));
                    }
                }
            }
            default -> {}
        }
    }

    /** A key the caller chose, as it may appear in a field's name: cut short. */
    static String shown(String key) {
        return key.length() > 64 ? key.substring(0, 64) + "..." : key;
    }

    private static void expect(boolean ok, String path, String what) {
        if (!ok) {
            throw new InvalidValueException(
                    path.isEmpty() ? "body" : path, "has the wrong type: " + what + " is not accepted here");
        }
    }

    private static Class<?> raw(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p) {
            return (Class<?>) p.getRawType();
        }
        return Object.class;
    }
}
