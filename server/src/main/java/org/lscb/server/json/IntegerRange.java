package org.lscb.server.json;

import jakarta.json.JsonNumber;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import org.lscb.foundation.value.InvalidValueException;

/**
 * The JSON numbers an integer-typed field (byte, short, int, long, boxed or not) takes: whole numbers
 * within the Java type's range, nothing else. JSON-B binds such a field through
 * {@code BigDecimal.intValue()} and its kin, which wrap what does not fit (4294967301 becomes 5) and drop
 * fractions (2.5 becomes 2); checked here first, such a number is a 400 naming the field instead.
 *
 * <p>A number whose value is whole in another spelling ({@code 2.0}, {@code 2e0}, {@code 200e-2}) is
 * accepted as that whole number: JSON has one number type, so {@code 2.0} and {@code 2} are the same value,
 * JSON Schema's {@code integer} (the type the OpenAPI document gives these fields) accepts both, and
 * serialisers of floating-point values (Python's, for one) write whole numbers that way. Binding it
 * changes nothing: 2.0 is bound as exactly 2. Only a change of value is refused.
 */
final class IntegerRange {

    private static final Map<Class<?>, IntegerRange> BY_TYPE = Map.of(
            byte.class,
            new IntegerRange(Byte.MIN_VALUE, Byte.MAX_VALUE),
            Byte.class,
            new IntegerRange(Byte.MIN_VALUE, Byte.MAX_VALUE),
            short.class,
            new IntegerRange(Short.MIN_VALUE, Short.MAX_VALUE),
            Short.class,
            new IntegerRange(Short.MIN_VALUE, Short.MAX_VALUE),
            int.class,
            new IntegerRange(Integer.MIN_VALUE, Integer.MAX_VALUE),
            Integer.class,
            new IntegerRange(Integer.MIN_VALUE, Integer.MAX_VALUE),
            long.class,
            new IntegerRange(Long.MIN_VALUE, Long.MAX_VALUE),
            Long.class,
            new IntegerRange(Long.MIN_VALUE, Long.MAX_VALUE));

    private final long min;
    private final long max;
    private final BigDecimal minValue;
    private final BigDecimal maxValue;

    private IntegerRange(long min, long max) {
        this.min = min;
        this.max = max;
        this.minValue = BigDecimal.valueOf(min);
        this.maxValue = BigDecimal.valueOf(max);
    }

    /** The range of an integer type; empty for any other type (text, floating point, ...). */
    static Optional<IntegerRange> of(Class<?> type) {
        return Optional.ofNullable(BY_TYPE.get(type));
    }

    /** Refuses, naming {@code field}, a number that is not a whole number within this range. */
    void check(JsonNumber number, String field) {
        BigDecimal value;
        try {
            value = number.bigDecimalValue();
        } catch (RuntimeException e) {
            // a parser may refuse to make some numbers (an exponent beyond its limit) only when asked for the value
            throw refused(field);
        }
        // the range first: comparing is cheap whatever the exponent, so 1e999999999 never becomes a billion digits
        if (value.compareTo(minValue) < 0
                || value.compareTo(maxValue) > 0
                || value.signum() != 0 && value.stripTrailingZeros().scale() > 0) {
            throw refused(field);
        }
    }

    private InvalidValueException refused(String field) {
        return new InvalidValueException(field, "must be a whole number from " + min + " to " + max);
    }
}
