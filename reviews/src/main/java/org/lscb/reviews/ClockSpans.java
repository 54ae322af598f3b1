package org.lscb.reviews;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.lscb.reviews.clock.Span;

/**
 * The span of each statutory clock in this deployment, written as people say it: {@code 1 month},
 * {@code 28 days}, {@code 5 working days}, {@code 24 hours} (only for a clock that runs from a time,
 * {@link ClockKind#timed()}, which takes hours or days), or {@code off} for a clock the deployment does not run
 * (for example the clocks of the regime after 2018).
 */
public final class ClockSpans {

    private static final Pattern SPAN =
            Pattern.compile("\\s*(\\d{1,4})\\s+(months?|days?|working\\s+days?|hours?)\\s*", Pattern.CASE_INSENSITIVE);

    private final Map<ClockKind, Optional<Span>> spans;

    private ClockSpans(Map<ClockKind, Optional<Span>> spans) {
        this.spans = spans;
    }

    public static ClockSpans defaults() {
        return from(k -> Optional.empty());
    }

    /**
     * @param configured the text configured for a clock's {@link ClockKind#configName()}, if any
     * @throws IllegalArgumentException with a sentence naming the clock when a value cannot be read
     */
    public static ClockSpans from(Function<ClockKind, Optional<String>> configured) {
        Map<ClockKind, Optional<Span>> spans = new EnumMap<>(ClockKind.class);
        for (ClockKind k : ClockKind.values()) {
            spans.put(k, configured.apply(k).map(text -> parse(k, text)).orElse(Optional.of(k.defaultSpan())));
        }
        return new ClockSpans(spans);
    }

    static Optional<Span> parse(ClockKind k, String text) {
        if (text.strip().equalsIgnoreCase("off")) {
            return Optional.empty();
        }
        Matcher m = SPAN.matcher(text);
        if (!m.matches() || Integer.parseInt(m.group(1)) == 0) {
            throw new IllegalArgumentException("reviews.clock." + k.configName()
                    + " must read like '1 month', '28 days', '5 working days' or 'off', not '" + text + "'");
        }
        int n = Integer.parseInt(m.group(1));
        String unit = m.group(2).toLowerCase();
        boolean hours = unit.startsWith("hour");
        boolean calendar = unit.startsWith("month") || unit.startsWith("working");
        if (hours && !k.timed()) {
            throw new IllegalArgumentException("reviews.clock." + k.configName()
                    + " runs in days: write it like '28 days', '1 month' or '5 working days', not '" + text + "'");
        }
        if (calendar && k.timed()) {
            throw new IllegalArgumentException("reviews.clock." + k.configName()
                    + " runs from a time: write it in hours or days, like '24 hours', not '" + text + "'");
        }
        return Optional.of(
                hours
                        ? Span.hours(n)
                        : unit.startsWith("month")
                                ? Span.months(n)
                                : unit.startsWith("working") ? Span.workingDays(n) : Span.days(n));
    }

    /** The span of a clock, or empty when the deployment does not run it. */
    public Optional<Span> of(ClockKind k) {
        return spans.get(k);
    }
}
