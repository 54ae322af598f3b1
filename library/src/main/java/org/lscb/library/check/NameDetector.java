package org.lscb.library.check;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The names on a review's redaction list, entered when the report is published and never stored [11]: the family's
 * and the professionals' names that must not appear in the published report. A name is found as a whole word (or
 * words, whatever spaces, hyphens or line breaks stand between them), whatever its case: "Smith", "SMITH" and
 * "smith" alike.
 *
 * <p>A name that is also an everyday word ("Rose", "Hope", "Grace"; the list is {@code common-word-names.txt}) is
 * found written with a capital or in capitals, which is how a name is written, but not all in lower case, which is
 * how the word is ("the number of referrals rose"). The check errs towards finding: "Hope" opening a sentence is
 * found, and the officer sees the masked context and rewords it or asks the Chair to publish over it; a name typed
 * in lower case by mistake is the one miss this rule allows, and the reason it is allowed is that otherwise every
 * report using the word would be refused.
 */
public final class NameDetector implements Detector {

    private static final Set<String> COMMON_WORDS = load("common-word-names.txt");

    /**
     * What stands between the words of a name: spaces (non-breaking too) and hyphens, including the hyphens and
     * dashes Word writes in place of the one typed (U+2010 to U+2014), so "Smith-Jones" finds "Smith\u2011Jones".
     */
    private static final String BETWEEN_WORDS = "[\\s\\u00A0\\u2010-\\u2014-]+";

    /** Any apostrophe: Word turns the typed one into a curly one, so "O'Brien" must find "O\u2019Brien" and back. */
    private static final String APOSTROPHE = "['\\u2018\\u2019\\u02BC]";

    private final List<Pattern> names;
    private final List<Boolean> lowerCaseIsAWord;

    public NameDetector(Collection<String> redactionList) {
        this.names = new ArrayList<>();
        this.lowerCaseIsAWord = new ArrayList<>();
        for (String name : redactionList) {
            String[] words = name.strip().split(BETWEEN_WORDS);
            if (words.length == 0 || words[0].isEmpty()) {
                continue;
            }
            String body =
                    java.util.Arrays.stream(words).map(NameDetector::word).collect(Collectors.joining(BETWEEN_WORDS));
            names.add(Pattern.compile(
                    "(?<![\\p{L}\\p{N}])" + body + "(?![\\p{L}\\p{N}])",
                    Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE));
            lowerCaseIsAWord.add(words.length == 1 && COMMON_WORDS.contains(words[0].toLowerCase(Locale.ROOT)));
        }
    }

    /** One word of a name, literally, but for its apostrophes, which match any apostrophe. */
    private static String word(String word) {
        return java.util.Arrays.stream(word.split(APOSTROPHE, -1))
                .map(Pattern::quote)
                .collect(Collectors.joining(APOSTROPHE));
    }

    /** Whether a one-word name is an everyday word, so that its lower-case use is not taken for the name. */
    static boolean isCommonWord(String name) {
        return COMMON_WORDS.contains(name.strip().toLowerCase(Locale.ROOT));
    }

    @Override
    public List<Match> find(String text) {
        List<Match> out = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            Matcher m = names.get(i).matcher(text);
            while (m.find()) {
                String written = m.group();
                if (lowerCaseIsAWord.get(i) && written.equals(written.toLowerCase(Locale.ROOT))) {
                    continue;
                }
                out.add(new Match(FindingKind.NAME, m.start(), m.end()));
            }
        }
        return out;
    }

    private static Set<String> load(String resource) {
        try (var in = NameDetector.class.getResourceAsStream(resource);
                var lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return lines.lines()
                    .map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#"))
                    .collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
