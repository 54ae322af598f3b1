package org.lscb.server.web.component;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * A fixture's options, read by a component's mapper. Every option the mapper reads is recorded, so that the
 * options it did not read (ones our record does not model) are found without a list kept by hand; a value
 * outside what the record models (such as a button's {@code element: "input"}) throws {@link Unmodelled}.
 */
final class FixtureOptions {

    /** An option the record does not model, by path: the fixture is skipped, not compared. */
    static final class Unmodelled extends RuntimeException {
        Unmodelled(String path) {
            super(path, null, false, false);
        }
    }

    private final JsonObject json;
    private final String path;
    private final Set<String> read = new LinkedHashSet<>();
    private final List<FixtureOptions> children = new ArrayList<>();

    FixtureOptions(JsonObject json, String path) {
        this.json = json;
        this.path = path;
    }

    /** The options nobody read, by path; nested objects that were read report their own. */
    List<String> unread() {
        List<String> out = new ArrayList<>();
        for (String key : json.keySet()) {
            if (!read.contains(key)) {
                out.add(path + key);
            }
        }
        children.forEach(c -> out.addAll(c.unread()));
        return out;
    }

    Unmodelled unmodelled(String key) {
        return new Unmodelled(path + key);
    }

    boolean has(String key) {
        return json.containsKey(key);
    }

    private JsonValue value(String key) {
        read.add(key);
        JsonValue v = json.get(key);
        return v == null || v.getValueType() == JsonValue.ValueType.NULL ? null : v;
    }

    /** A string option as Nunjucks prints it: numbers and booleans as their text. */
    String string(String key) {
        JsonValue v = value(key);
        if (v == null) {
            return null;
        }
        return switch (v.getValueType()) {
            case STRING -> ((JsonString) v).getString();
            case NUMBER -> ((JsonNumber) v).toString();
            case TRUE -> "true";
            case FALSE -> "false";
            default -> throw unmodelled(key);
        };
    }

    /** A string option that Nunjucks tests for truth: an empty string is the same as none. */
    String nonEmpty(String key) {
        String s = string(key);
        return s == null || s.isEmpty() ? null : s;
    }

    Boolean bool(String key) {
        JsonValue v = value(key);
        if (v == null) {
            return null;
        }
        return switch (v.getValueType()) {
            case TRUE -> Boolean.TRUE;
            case FALSE -> Boolean.FALSE;
            default -> throw unmodelled(key);
        };
    }

    /** A boolean option Nunjucks tests for truth. */
    boolean flag(String key) {
        return Boolean.TRUE.equals(bool(key));
    }

    Integer integer(String key) {
        JsonValue v = value(key);
        if (v == null) {
            return null;
        }
        if (v instanceof JsonNumber n) {
            return n.intValueExact();
        }
        if (v instanceof JsonString s) {
            return Integer.valueOf(s.getString());
        }
        throw unmodelled(key);
    }

    /** A nested options object, or null when absent or falsy. */
    FixtureOptions object(String key) {
        JsonValue v = value(key);
        if (v == null || v == JsonValue.FALSE) {
            return null;
        }
        if (!(v instanceof JsonObject o)) {
            throw unmodelled(key);
        }
        FixtureOptions child = new FixtureOptions(o, path + key + ".");
        children.add(child);
        return child;
    }

    /** A nested options object mapped, or null when absent. */
    <T> T object(String key, Function<FixtureOptions, T> mapper) {
        FixtureOptions o = object(key);
        return o == null ? null : mapper.apply(o);
    }

    /**
     * A list of options objects mapped. The templates leave out falsy entries but still count them in the
     * index that numbers item ids; our lists hold no such entries, so a fixture with them is not modelled.
     */
    <T> List<T> list(String key, Function<FixtureOptions, T> mapper) {
        JsonValue v = value(key);
        List<T> out = new ArrayList<>();
        if (v == null) {
            return out;
        }
        if (!(v instanceof JsonArray array)) {
            throw unmodelled(key);
        }
        for (int i = 0; i < array.size(); i++) {
            JsonValue item = array.get(i);
            if (item instanceof JsonObject o) {
                FixtureOptions child = new FixtureOptions(o, path + key + "[" + i + "].");
                children.add(child);
                out.add(mapper.apply(child));
            } else {
                throw unmodelled(key + "[" + i + "]");
            }
        }
        return out;
    }

    /** A list of lists of options objects, such as a table's rows of cells. */
    <T> List<List<T>> lists(String key, Function<FixtureOptions, T> mapper) {
        JsonValue v = value(key);
        List<List<T>> out = new ArrayList<>();
        if (v == null) {
            return out;
        }
        if (!(v instanceof JsonArray rows)) {
            throw unmodelled(key);
        }
        for (int r = 0; r < rows.size(); r++) {
            if (!(rows.get(r) instanceof JsonArray cells)) {
                throw unmodelled(key + "[" + r + "]");
            }
            List<T> row = new ArrayList<>();
            for (int c = 0; c < cells.size(); c++) {
                if (!(cells.get(c) instanceof JsonObject o)) {
                    throw unmodelled(key + "[" + r + "][" + c + "]");
                }
                FixtureOptions child = new FixtureOptions(o, path + key + "[" + r + "][" + c + "].");
                children.add(child);
                row.add(mapper.apply(child));
            }
            out.add(row);
        }
        return out;
    }

    List<String> strings(String key) {
        JsonValue v = value(key);
        List<String> out = new ArrayList<>();
        if (v == null) {
            return out;
        }
        if (!(v instanceof JsonArray array)) {
            throw unmodelled(key);
        }
        for (JsonValue item : array) {
            if (!(item instanceof JsonString s)) {
                throw unmodelled(key);
            }
            out.add(s.getString());
        }
        return out;
    }

    /** The {@code text}/{@code html} pair: html wins when both are given, as in the templates. */
    TextOrHtml content() {
        return content("text", "html");
    }

    TextOrHtml content(String textKey, String htmlKey) {
        String html = nonEmpty(htmlKey);
        String text = string(textKey);
        if (html != null) {
            return new Html(html);
        }
        return text == null || text.isEmpty() ? null : TextOrHtml.text(text);
    }

    /** The {@code attributes} option: plain name/value pairs; the {value, optional} form is not modelled. */
    Map<String, String> attributes() {
        JsonValue v = value("attributes");
        if (v == null) {
            return null;
        }
        if (!(v instanceof JsonObject o)) {
            throw unmodelled("attributes");
        }
        Map<String, String> out = new LinkedHashMap<>();
        o.forEach((name, value) -> {
            if (value instanceof JsonString s) {
                out.put(name, s.getString());
            } else if (value instanceof JsonNumber || value == JsonValue.TRUE || value == JsonValue.FALSE) {
                out.put(name, value.toString());
            } else {
                throw unmodelled("attributes." + name);
            }
        });
        return out;
    }
}
