package org.lscb.server.web.review;

import java.util.Map;
import org.lscb.reviews.ClockKind;
import org.lscb.server.web.Words;

/**
 * The words the review pages use for the SCR decision's codes, beside the shared {@link Words} (dates, clocks,
 * types, statuses, roles).
 */
final class ReviewWords {

    private static final Map<String, String> DECISIONS = Map.of(
            "COMMISSION_SCR", "Commission a serious case review",
            "MANAGEMENT_REVIEW", "Hold a management review instead",
            "NO_REVIEW", "No review");

    private static final Map<String, String> CONCERNS = Map.of(
            "YES", "Yes",
            "NO", "No, it is clear there is none",
            "UNCLEAR", "Not clear either way");

    private ReviewWords() {}

    static String decision(String code) {
        return DECISIONS.getOrDefault(code, Words.sentence(code));
    }

    static String concern(String code) {
        return CONCERNS.getOrDefault(code, Words.sentence(code));
    }

    static String yesNo(boolean b) {
        return b ? "Yes" : "No";
    }

    /** The clock's segment in a page's path: {@code scr-completion} for {@code SCR_COMPLETION}. */
    static String path(ClockKind kind) {
        return kind.configName();
    }

    /** The clock a path segment names, by its path segment or its API name; null for none. */
    static ClockKind clock(String segment) {
        for (ClockKind k : ClockKind.values()) {
            if (k.configName().equals(segment) || k.name().equals(segment)) {
                return k;
            }
        }
        return null;
    }
}
