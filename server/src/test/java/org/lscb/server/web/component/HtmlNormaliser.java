package org.lscb.server.web.component;

/**
 * Markup put in a form where two renderings of the same page compare equal: whitespace runs collapsed to one
 * space and dropped next to a tag and at the ends of a class list, and the characters that Nunjucks escapes but JTE need not (a quote in
 * text, {@code >} in an attribute value) written one way. Attribute order is kept: it is compared.
 */
final class HtmlNormaliser {

    private HtmlNormaliser() {}

    static String normalise(String html) {
        StringBuilder out = new StringBuilder(html.length());
        int i = 0;
        while (i < html.length()) {
            char c = html.charAt(i);
            if (c == '<') {
                int end = tagEnd(html, i);
                out.append(tag(html.substring(i, end)));
                i = end;
            } else {
                int next = html.indexOf('<', i);
                if (next < 0) {
                    next = html.length();
                }
                out.append(text(html.substring(i, next)));
                i = next;
            }
        }
        return out.toString().trim();
    }

    /** The index just past the tag starting at {@code start}, skipping {@code >} in quoted values. */
    private static int tagEnd(String html, int start) {
        char quote = 0;
        for (int i = start + 1; i < html.length(); i++) {
            char c = html.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '>') {
                return i + 1;
            }
        }
        return html.length();
    }

    private static String tag(String tag) {
        return tag.replace("&gt;", ">")
                .replaceAll("\\s+", " ")
                .replaceAll(" class=\" ?([^\"]*?) ?\"", " class=\"$1\"")
                .replaceAll(" ?(/?>)$", "$1");
    }

    private static String text(String text) {
        String collapsed = text.replace("&#34;", "\"")
                .replace("&quot;", "\"")
                .replace("&#39;", "'")
                .replace("&#x27;", "'")
                .replaceAll("\\s+", " ");
        return collapsed.isBlank() ? "" : collapsed.strip();
    }
}
