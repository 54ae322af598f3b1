package org.lscb.server.json;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.stream.JsonParser;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;

/**
 * Names the field of the first number in a body that the JSON parser cannot turn into a value: one with an
 * exponent past what {@link BigDecimal} holds ({@code 1e9999999999}) or with more digits than the parser
 * takes. The parser refuses such a number while it builds the whole tree, without saying where it was; this
 * reads the body again as a stream, which gives each number's text without making its value, so that the
 * 400 can name the field as every other refusal of a value does.
 */
final class UnreadableNumber {

    /** Where a parser is: in an object at a key, or in a list at an index. */
    private static final class Frame {
        final boolean list;
        String key;
        int index = -1;

        Frame(boolean list) {
            this.list = list;
        }
    }

    private UnreadableNumber() {}

    /** The field of the first number longer than any field takes or that is not a number Java can hold; "body" when none is. */
    static String field(byte[] body) {
        Deque<Frame> frames = new ArrayDeque<>();
        try (JsonParser parser = Json.createParser(new ByteArrayInputStream(body))) {
            while (parser.hasNext()) {
                JsonParser.Event event = parser.next();
                if (event == JsonParser.Event.KEY_NAME) {
                    frames.peek().key = parser.getString();
                    continue;
                }
                if (event == JsonParser.Event.END_OBJECT || event == JsonParser.Event.END_ARRAY) {
                    frames.pop();
                    continue;
                }
                if (!frames.isEmpty() && frames.peek().list) {
                    frames.peek().index++;
                }
                if (event == JsonParser.Event.START_OBJECT || event == JsonParser.Event.START_ARRAY) {
                    frames.push(new Frame(event == JsonParser.Event.START_ARRAY));
                } else if (event == JsonParser.Event.VALUE_NUMBER && !readable(parser.getString())) {
                    return path(frames);
                }
            }
        } catch (JsonException | IllegalStateException e) {
            // the body breaks down before such a number: it has no field to name
        }
        return "body";
    }

    private static boolean readable(String number) {
        if (number.length() > JsonShape.MAX_NUMBER_CHARS) {
            return false;
        }
        try {
            new BigDecimal(number);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static String path(Deque<Frame> frames) {
        StringBuilder path = new StringBuilder();
        for (Iterator<Frame> outermostFirst = frames.descendingIterator(); outermostFirst.hasNext(); ) {
            Frame f = outermostFirst.next();
            if (f.list) {
                path.append('[').append(f.index).append(']');
            } else {
                path.append(path.length() == 0 ? "" : ".").append(JsonShape.shown(f.key));
            }
        }
        return path.length() == 0 ? "body" : path.toString();
    }
}
