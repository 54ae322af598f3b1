package org.lscb.server.web.review;

import java.util.Map;
import org.lscb.foundation.value.InvalidValueException;
import org.lscb.reviews.ClockKind;
import org.lscb.server.web.Words;

/**
 * The words the review pages use for the SCR decision's codes and the appointments' roles, beside the shared
 * {@link Words} (dates, clocks, types, statuses).
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

    private static final Map<String, String> ROLES = Map.of(
            "LEAD_REVIEWER", "Lead reviewer",
            "PANEL_MEMBER", "Panel member",
            "PAEDIATRICIAN", "Designated paediatrician",
            "CORONER", "Coroner");

    private ReviewWords() {}

    static String decision(String code) {
        return DECISIONS.getOrDefault(code, Words.sentence(code));
    }

    static String concern(String code) {
        return CONCERNS.getOrDefault(code, Words.sentence(code));
    }

    static String role(String code) {
        return ROLES.getOrDefault(code, Words.sentence(code));
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

    /** "The date of the decision must not be in the future" from the domain's "decidedOn: must not be ...". */
    static String refusal(InvalidValueException e, String label) {
        String m = e.getMessage();
        String prefix = e.field() + ": ";
        return label + " " + (m.startsWith(prefix) ? m.substring(prefix.length()) : m);
    }
}
