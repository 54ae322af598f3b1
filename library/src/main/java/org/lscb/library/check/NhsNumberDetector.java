package org.lscb.library.check;

import java.util.List;
import java.util.regex.Pattern;
import org.lscb.foundation.value.InvalidValueException;
import org.lscb.reviews.notification.NhsNumber;

/**
 * NHS numbers: ten digits, written together or as 3-3-4 with spaces or hyphens, whose modulus 11 check digit is
 * right ({@link NhsNumber}) [11]. Ten digits with a wrong check digit are some other number (a reference, a
 * phone number's digits) and are not found; a phone number is the {@link PhoneNumberDetector}'s.
 */
public final class NhsNumberDetector implements Detector {

    private static final Pattern TEN_DIGITS =
            Pattern.compile("(?<![\\d-])(\\d{3})[ -]?(\\d{3})[ -]?(\\d{4})(?![\\d-])");

    @Override
    public List<Match> find(String text) {
        return TEN_DIGITS
                .matcher(text)
                .results()
                .filter(m -> valid(m.group(1) + m.group(2) + m.group(3)))
                .map(m -> new Match(FindingKind.NHS_NUMBER, m.start(), m.end()))
                .toList();
    }

    private static boolean valid(String digits) {
        try {
            NhsNumber.check(digits, "nhsNumber");
            return true;
        } catch (InvalidValueException e) {
            return false;
        }
    }
}
