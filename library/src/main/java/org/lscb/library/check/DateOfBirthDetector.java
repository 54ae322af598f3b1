package org.lscb.library.check;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates of birth [11]: a date with a day and a month (and usually a year) that follows a birth context, "born",
 * "DOB", "D.O.B.", "date of birth" or "birthday", within a few words. A date elsewhere (when a meeting was held)
 * is part of the review's chronology and is not found, and neither is a year of birth alone ("born in 2009"), which
 * a published report may give.
 */
public final class DateOfBirthDetector implements Detector {

    private static final String MONTH =
            "(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)";

    private static final String DATE = "(?:\\d{1,2}[/.-]\\d{1,2}[/.-](?:\\d{4}|\\d{2})" // 03/04/2012
            + "|\\d{4}-\\d{2}-\\d{2}" // 2012-04-03
            + "|\\d{1,2}(?:st|nd|rd|th)?\\s+(?:of\\s+)?" + MONTH + "\\.?(?:,?\\s+\\d{4})?" // 3rd April 2012
            + "|" + MONTH + "\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?(?:,?\\s+\\d{4})?)"; // April 3, 2012

    /** The context, then up to 40 characters that hold no sentence end, then the date. */
    private static final Pattern BORN_THEN_DATE = Pattern.compile(
            "(?i)\\b(?:born|d\\.?o\\.?b|date\\s+of\\s+birth|birth\\s*date|birthday)\\b\\.?[^.!?\\n]{0,40}?(?<![\\d\\p{L}])("
                    + DATE + ")(?![\\d\\p{L}])");

    @Override
    public List<Match> find(String text) {
        List<Match> out = new ArrayList<>();
        Matcher m = BORN_THEN_DATE.matcher(text);
        while (m.find()) {
            out.add(new Match(FindingKind.DATE_OF_BIRTH, m.start(1), m.end(1)));
        }
        return out;
    }
}
