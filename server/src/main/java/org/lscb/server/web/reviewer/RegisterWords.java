package org.lscb.server.web.reviewer;

import java.util.Map;
import java.util.function.Function;
import org.lscb.server.review.ReviewViews.ConflictView;
import org.lscb.server.web.Words;

/**
 * The register's codes in words: expertise, regions, skills, evidence, ties to organisations, and each independence conflict as a sentence (docs/domain.md "Independence", guidance [11]).
 */
public final class RegisterWords {

    private static final Map<String, String> CODES = Map.ofEntries(
            Map.entry("CHILDRENS_SOCIAL_CARE", "Children's social care"),
            Map.entry("YORKSHIRE_AND_THE_HUMBER", "Yorkshire and the Humber"),
            Map.entry("TRACK_RECORD", "Track record"),
            Map.entry("INTERVIEWING_AND_FACILITATION", "Interviewing and facilitation"),
            Map.entry("BOARD", "Board seat"),
            Map.entry("VOLUNTEER", "Volunteering"));

    private RegisterWords() {}

    /** An expertise area, region, skill, evidence type or tie in words: "Children's social care". */
    public static String code(String code) {
        return CODES.getOrDefault(code, Words.sentence(code));
    }

    /**
     * One reason a reviewer is not independent, as a sentence naming the organisation: "Employment with
     * Police North from 2 March 2023, still current". {@code organisation} gives an organisation's name.
     */
    public static String conflict(ConflictView c, Function<String, String> organisation) {
        String org = c.organisationId() == null ? "" : organisation.apply(c.organisationId());
        String tie = c.kind() == null ? "" : code(c.kind()) + " with " + org;
        return switch (c.reason()) {
            case "CURRENT_AFFILIATION" ->
                tie + " from " + Words.date(c.from())
                        + (c.to() == null ? ", still current" : " to " + Words.date(c.to()))
                        + ": an organisation whose actions this review looks at";
            case "RECENT_AFFILIATION" ->
                tie + " ended on " + Words.date(c.to())
                        + ", within the look-back period: an organisation whose actions this review looks at";
            case "FUTURE_AFFILIATION" ->
                tie + " agreed to start on " + Words.date(c.from())
                        + ": an organisation whose actions this review looks at";
            case "DECLARED_INTEREST" -> "Declared an interest involving " + org + ": " + nullToEmpty(c.detail());
            case "DIRECT_INVOLVEMENT" -> "Declared direct involvement in this case: " + nullToEmpty(c.detail());
            case "BOARD_MEMBERSHIP" ->
                tie + " from " + Words.date(c.from()) + (c.to() == null ? "" : " to " + Words.date(c.to()))
                        + ": the board that commissions this review, so not independent of the LSCB";
            default -> Words.sentence(c.reason()) + (org.isEmpty() ? "" : " (" + org + ")");
        };
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
