package org.lscb.server.json;

import org.lscb.server.error.MalformedJsonException;

/** Refuses JSON nested deeper than {@value #MAX_DEPTH} levels before any parser recurses into it. */
final class JsonDepth {

    static final int MAX_DEPTH = 32;

    private JsonDepth() {}

    /** Counts brackets outside strings, so that deep nesting is refused before any parser recurses. */
    static void check(byte[] body) {
        int depth = 0;
        boolean inString = false;
        for (int i = 0; i < body.length; i++) {
            byte b = body[i];
            if (inString) {
                if (b == '\\') {
                    i++;
                } else if (b == '"') {
                    inString = false;
                }
            } else if (b == '"') {
                inString = true;
            } else if (b == '{' || b == '[') {
                if (++depth > MAX_DEPTH) {
                    throw new MalformedJsonException("JSON nested deeper than " + MAX_DEPTH + " levels", null);
                }
            } else if (b == '}' || b == ']') {
                depth--;
            }
        }
    }
}
