package org.lscb.library.check;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import org.lscb.library.text.ReportText;

/**
 * What must not be published in a review's report [11]: postcodes, NHS numbers, dates of birth, phone numbers,
 * e-mail addresses and the names on the review's redaction list. Each part (page or paragraph) is searched by every
 * detector; a report is publishable only when nothing is found, or when the Chair publishes over the findings with
 * a reason.
 */
public final class PersonalDataCheck {

    /** Characters of context shown either side of a finding. */
    static final int CONTEXT = 30;

    private final List<Detector> detectors;

    public PersonalDataCheck(Collection<String> redactionNames) {
        this.detectors = List.of(
                new PostcodeDetector(),
                new NhsNumberDetector(),
                new DateOfBirthDetector(),
                new PhoneNumberDetector(),
                new EmailDetector(),
                new NameDetector(redactionNames));
    }

    /** Every finding, in the order of the parts and then of where each starts. */
    public List<Finding> check(ReportText text) {
        List<Finding> out = new ArrayList<>();
        for (int i = 0; i < text.parts().size(); i++) {
            String part = text.parts().get(i);
            List<Match> matches = new ArrayList<>();
            detectors.forEach(d -> matches.addAll(d.find(part)));
            matches.sort(Comparator.comparingInt(Match::start));
            for (Match m : matches) {
                out.add(new Finding(m.kind(), i + 1, context(part, m, matches)));
            }
        }
        return out;
    }

    /** The text around {@code m}, every finding within it masked, on one line. */
    static String context(String part, Match m, List<Match> all) {
        int from = Math.max(0, m.start() - CONTEXT);
        int to = Math.min(part.length(), m.end() + CONTEXT);
        StringBuilder out = new StringBuilder();
        int at = from;
        for (Match other : all) {
            if (other.end() <= at || other.start() >= to) {
                continue;
            }
            // a finding cut by the window's edge, or overlapping another, is masked whole
            out.append(part, at, Math.max(at, other.start()))
                    .append(other.kind().mask());
            at = Math.min(to, other.end());
        }
        if (at < to) {
            out.append(part, at, to);
        }
        return (from > 0 ? "…" : "") + out.toString().replaceAll("\\s+", " ").strip() + (to < part.length() ? "…" : "");
    }
}
