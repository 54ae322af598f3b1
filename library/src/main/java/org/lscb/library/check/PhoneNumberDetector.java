package org.lscb.library.check;

import java.util.List;
import java.util.regex.Pattern;

/**
 * UK telephone numbers [11]: {@code 0} or {@code +44} then a national number of nine or ten digits that starts
 * 1, 2, 3, 7 or 8 (geographic, non-geographic, mobile and freephone ranges), as people write them: with spaces,
 * hyphens or the area code in brackets. A run of digits that is part of a longer number, a year or a reference
 * is not found, and neither are ten digits starting with another digit (an NHS number's shape).
 */
public final class PhoneNumberDetector implements Detector {

    private static final Pattern PHONE =
            Pattern.compile("(?<![\\w+])(?:\\+44[ -]?(?:\\(0\\)[ -]?)?|\\(?0)[12378][0-9 ()-]{7,14}[0-9](?![\\w])");

    @Override
    public List<Match> find(String text) {
        return PHONE.matcher(text)
                .results()
                .filter(m -> plausible(m.group()))
                .map(m -> new Match(FindingKind.PHONE_NUMBER, m.start(), m.end()))
                .toList();
    }

    /** Nine or ten digits after the 0 or 44, and no separator doubled (which lists of numbers have). */
    private static boolean plausible(String written) {
        if (written.contains("  ") || written.contains("--")) {
            return false;
        }
        String digits = written.replaceAll("\\D", "");
        String national = digits.startsWith("440")
                ? digits.substring(3)
                : digits.startsWith("44") ? digits.substring(2) : digits.substring(1);
        return national.length() == 9 || national.length() == 10;
    }
}
