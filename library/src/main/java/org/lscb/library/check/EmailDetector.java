package org.lscb.library.check;

import java.util.List;
import java.util.regex.Pattern;

/**
 * E-mail addresses: a local part, {@code @}, and a domain with at least one dot [11]. A handle such as
 * {@code @lscb} or a bare {@code user@host} is not an address anyone can be reached at, so it is not found.
 */
public final class EmailDetector implements Detector {

    private static final Pattern EMAIL = Pattern.compile(
            "(?<![\\w.+-])[A-Za-z0-9][A-Za-z0-9._%+-]{0,63}@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z]{2,24}(?![\\w-])");

    @Override
    public List<Match> find(String text) {
        return EMAIL.matcher(text)
                .results()
                .map(m -> new Match(FindingKind.EMAIL, m.start(), m.end()))
                .toList();
    }
}
