package org.lscb.server.json;

import java.util.Base64;
import org.lscb.foundation.value.InvalidValueException;

/** A JSON field carrying bytes as standard base64 (RFC 4648 section 4), padded or not. */
public final class Base64Field {

    private Base64Field() {}

    /** The field's bytes; anything that is not base64 is refused naming the field. */
    public static byte[] bytes(String field, String text) {
        if (text == null) {
            throw new InvalidValueException(field, "is required");
        }
        try {
            return Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException(field, "must be base64 (RFC 4648 section 4, no line breaks)");
        }
    }
}
