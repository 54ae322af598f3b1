package org.lscb.server.web.component;

import java.util.Map;

/**
 * Renders a component's {@code attributes} option as GOV.UK Frontend's {@code govukAttributes} macro does:
 * {@code  name="value"} for each entry in the map's order, name and value escaped, so a template writes
 * the result with {@code $unsafe{...}} (JTE does not allow expressions as attribute names).
 */
public final class Attributes {

    private Attributes() {}

    public static String render(Map<String, String> attributes) {
        if (attributes == null || attributes.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        attributes.forEach((name, value) -> out.append(' ')
                .append(escape(name))
                .append("=\"")
                .append(value == null ? "" : escape(value))
                .append('"'));
        return out.toString();
    }

    /** A class attribute's value: the parts that are neither null nor blank, in order, space-separated. */
    public static String classes(String... parts) {
        StringBuilder out = new StringBuilder();
        for (String part : parts) {
            if (part != null && !part.isBlank()) {
                if (!out.isEmpty()) {
                    out.append(' ');
                }
                out.append(part);
            }
        }
        return out.toString();
    }

    /** Escapes as Nunjucks' {@code escape} filter does, safe in text and in a quoted attribute value. */
    static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&#34;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
