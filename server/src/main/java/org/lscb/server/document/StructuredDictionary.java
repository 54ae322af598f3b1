package org.lscb.server.document;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Parses an HTTP field whose value is a Structured Field Dictionary (RFC 8941 section 4.2.2), such as
 * {@code Content-Digest} (RFC 9530): {@code sha-256=:base64:, sha-512=:base64:}. Every member value is
 * parsed with the RFC's grammar (items, inner lists, parameters), but only byte sequences are kept, since
 * they are what a digest field holds; any other value is answered as empty. Parameters are parsed and
 * dropped, as the RFC tells recipients of unknown parameters to do. A key named twice keeps its last value
 * (RFC 8941). Anything outside the grammar is refused with {@link MalformedFieldException}.
 */
public final class StructuredDictionary {

    /** The field's text is not a Structured Field Dictionary; the message says where. */
    public static final class MalformedFieldException extends Exception {
        MalformedFieldException(String message) {
            super(message);
        }
    }

    private final String in;
    private int at;

    private StructuredDictionary(String in) {
        this.in = in;
    }

    /**
     * Each member's key with its byte sequence, or empty when its value is of another kind, in the order
     * given. {@code fieldValue} is the field's lines joined with commas, as RFC 9110 section 5.3 combines them.
     */
    public static Map<String, Optional<byte[]>> parse(String fieldValue) throws MalformedFieldException {
        StructuredDictionary p = new StructuredDictionary(fieldValue);
        p.skipSpaces();
        Map<String, Optional<byte[]>> members = p.members();
        p.skipSpaces();
        if (!p.atEnd()) {
            throw p.malformed("unexpected text after the last member");
        }
        return members;
    }

    private Map<String, Optional<byte[]>> members() throws MalformedFieldException {
        Map<String, Optional<byte[]>> out = new LinkedHashMap<>();
        while (!atEnd()) {
            String key = key();
            Optional<byte[]> value;
            if (peek() == '=') {
                at++;
                value = peek() == '(' ? innerList() : item();
            } else {
                value = Optional.empty(); // a bare key is the boolean true
                parameters();
            }
            out.remove(key); // a later value replaces an earlier one, and takes its place in the order
            out.put(key, value);
            skipWhitespace();
            if (atEnd()) {
                return out;
            }
            if (in.charAt(at++) != ',') {
                throw malformed("members must be separated by commas");
            }
            skipWhitespace();
            if (atEnd()) {
                throw malformed("a comma must be followed by another member");
            }
        }
        return out;
    }

    private String key() throws MalformedFieldException {
        char first = peek();
        if (!(first >= 'a' && first <= 'z' || first == '*')) {
            throw malformed("a key must start with a lower-case letter or *");
        }
        int start = at;
        while (!atEnd() && isKeyChar(peek())) {
            at++;
        }
        return in.substring(start, at);
    }

    private static boolean isKeyChar(char c) {
        return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_' || c == '-' || c == '.' || c == '*';
    }

    private Optional<byte[]> item() throws MalformedFieldException {
        Optional<byte[]> value = bareItem();
        parameters();
        return value;
    }

    /** An inner list is never a byte sequence; its items are parsed only to find where it ends. */
    private Optional<byte[]> innerList() throws MalformedFieldException {
        at++; // (
        while (true) {
            skipSpaces();
            if (atEnd()) {
                throw malformed("an inner list must end with )");
            }
            if (peek() == ')') {
                at++;
                parameters();
                return Optional.empty();
            }
            item();
            if (!atEnd() && peek() != ' ' && peek() != ')') {
                throw malformed("the items of an inner list must be separated by spaces");
            }
        }
    }

    private void parameters() throws MalformedFieldException {
        while (!atEnd() && peek() == ';') {
            at++;
            skipSpaces();
            key();
            if (!atEnd() && peek() == '=') {
                at++;
                bareItem();
            }
        }
    }

    private Optional<byte[]> bareItem() throws MalformedFieldException {
        char c = peek();
        if (c == '-' || c >= '0' && c <= '9') {
            number();
        } else if (c == '"') {
            string();
        } else if (c == ':') {
            return Optional.of(byteSequence());
        } else if (c == '?') {
            bool();
        } else if (c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c == '*') {
            token();
        } else {
            throw malformed("not a value");
        }
        return Optional.empty();
    }

    private byte[] byteSequence() throws MalformedFieldException {
        at++; // :
        int start = at;
        while (!atEnd() && peek() != ':') {
            char c = peek();
            if (!(c >= 'A' && c <= 'Z'
                    || c >= 'a' && c <= 'z'
                    || c >= '0' && c <= '9'
                    || c == '+'
                    || c == '/'
                    || c == '=')) {
                throw malformed("a byte sequence holds base64 only");
            }
            at++;
        }
        if (atEnd()) {
            throw malformed("a byte sequence must end with :");
        }
        String base64 = in.substring(start, at);
        at++; // :
        try {
            return Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw malformed("a byte sequence is not valid base64");
        }
    }

    /** An Integer (up to 15 digits) or a Decimal (up to 12 digits, a dot and 1 to 3 more). */
    private void number() throws MalformedFieldException {
        if (peek() == '-') {
            at++;
        }
        int digits = digits();
        if (digits == 0) {
            throw malformed("a number needs a digit");
        }
        if (!atEnd() && peek() == '.') {
            at++;
            int fraction = digits();
            if (digits > 12 || fraction < 1 || fraction > 3) {
                throw malformed("a decimal has at most 12 digits before its point and 1 to 3 after");
            }
        } else if (digits > 15) {
            throw malformed("an integer has at most 15 digits");
        }
    }

    private int digits() {
        int start = at;
        while (!atEnd() && peek() >= '0' && peek() <= '9') {
            at++;
        }
        return at - start;
    }

    private void string() throws MalformedFieldException {
        at++; // "
        while (!atEnd()) {
            char c = in.charAt(at++);
            if (c == '\\') {
                if (atEnd() || in.charAt(at) != '"' && in.charAt(at) != '\\') {
                    throw malformed("a string escapes only \" and \\");
                }
                at++;
            } else if (c == '"') {
                return;
            } else if (c < 0x20 || c > 0x7e) {
                throw malformed("a string holds visible ASCII only");
            }
        }
        throw malformed("a string must end with \"");
    }

    private void bool() throws MalformedFieldException {
        at++; // ?
        if (atEnd() || peek() != '0' && peek() != '1') {
            throw malformed("a boolean is ?0 or ?1");
        }
        at++;
    }

    /** A token: a letter or *, then token characters (RFC 9110 tchar), : and /. */
    private void token() {
        at++;
        while (!atEnd() && (isTchar(peek()) || peek() == ':' || peek() == '/')) {
            at++;
        }
    }

    private static boolean isTchar(char c) {
        return c >= 'A' && c <= 'Z'
                || c >= 'a' && c <= 'z'
                || c >= '0' && c <= '9'
                || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
    }

    private void skipSpaces() {
        while (!atEnd() && peek() == ' ') {
            at++;
        }
    }

    /** Optional whitespace around a dictionary's commas: spaces and tabs. */
    private void skipWhitespace() {
        while (!atEnd() && (peek() == ' ' || peek() == '\t')) {
            at++;
        }
    }

    private boolean atEnd() {
        return at >= in.length();
    }

    /** The next character, or NUL at the end (which no rule accepts). */
    private char peek() {
        return atEnd() ? '\0' : in.charAt(at);
    }

    private MalformedFieldException malformed(String why) {
        return new MalformedFieldException(why + " (at character " + (at + 1) + ")");
    }
}
