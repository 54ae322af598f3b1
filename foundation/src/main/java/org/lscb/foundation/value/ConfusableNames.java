package org.lscb.foundation.value;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UCharacterCategory;
import com.ibm.icu.lang.UProperty;
import com.ibm.icu.lang.UScript;
import com.ibm.icu.text.Normalizer2;
import com.ibm.icu.text.SpoofChecker;
import java.util.TreeSet;

/**
 * Refuses display names (of accounts, of reviewers) built to look like another name, after Unicode
 * Technical Standard #39, using ICU4J's {@link SpoofChecker}. Apply it after {@link Text#required},
 * to the value that will be stored.
 *
 * <p>{@link #check} refuses, on its own, a name that:
 * <ul>
 * <li>mixes scripts beyond UTS #39's <em>highly restrictive</em> level: "Оfficer" with a Cyrillic О,
 *     "Οfficer" with a Greek omicron, "Officеr" with a Cyrillic е. A name wholly in one script passes,
 *     whatever the script, accents included ("Zoë Ó Briain", "Siân", "Сергей Иванов", "محمد علي",
 *     "王秀英"), as do the mixes Japanese, Chinese and Korean writing needs (Han with Hiragana and
 *     Katakana, with Bopomofo, with Hangul, each also with Latin). Highly rather than moderately
 *     restrictive because the moderate level lets Latin mix with any one other recommended script
 *     except Cyrillic and Greek, and Armenian "օ" is as good an "o" as Cyrillic "о": "օfficer"
 *     passes at the moderate level. The price is that a name written in two scripts side by side,
 *     such as "Ahmed أحمد", is refused; the person writes it in one script.</li>
 * <li>contains an invisible or formatting character: zero-width space, joiner and non-joiner,
 *     word joiner, soft hyphen, byte-order mark, bidirectional controls (U+202A-U+202E,
 *     U+2066-U+2069, U+200E, U+200F, U+061C), variation selectors, the Hangul fillers and every other
 *     Unicode default-ignorable code point; also control, private-use, unassigned and lone surrogate
 *     code points. The joiners are needed inside words in some scripts (Persian, Indic), but names
 *     read correctly without them, and they are the usual way to make two names differ invisibly.</li>
 * <li>repeats one accent on a letter, or puts a dot over a letter that already has one
 *     ("i" followed by a combining dot above): ICU's INVISIBLE and HIDDEN_OVERLAY checks;</li>
 * <li>mixes digits from different number systems ("1" beside Arabic-Indic "١"): MIXED_NUMBERS;</li>
 * <li>has no letter at all ("...", or braille blanks, which look like spaces).</li>
 * </ul>
 *
 * <p>A name can also imitate another while being valid on its own: wholly Cyrillic "Сорр" looks like
 * Latin "Copp", "0fficer" like "Officer", "lan Smith" like "Ian Smith". That needs the names already
 * held, so it is the caller's comparison: store {@link #skeleton} beside each name (indexed), and refuse
 * a new name whose skeleton equals an existing name's unless it is that same name; {@link #imitates}
 * does the comparison for one pair. Digits that look like letters count: the skeleton folds "0" into
 * "O" and "1" into "l", as ICU does. A person's name has no reason to differ from someone else's only
 * by a zero for an O, and the skeleton is only compared with names already held, so a name with a
 * digit in it is never refused for that alone.
 *
 * <p>Skeletons depend on Unicode's confusables data, which changes with each ICU version: after
 * upgrading ICU, recompute the stored skeletons.
 *
 * <p>All methods are thread-safe ({@link SpoofChecker} is safe to share once built).
 */
public final class ConfusableNames {

    private static final int SPOOF_CHECKS = SpoofChecker.RESTRICTION_LEVEL
            | SpoofChecker.INVISIBLE
            | SpoofChecker.HIDDEN_OVERLAY
            | SpoofChecker.MIXED_NUMBERS;

    private static final SpoofChecker CHECKER = new SpoofChecker.Builder()
            .setRestrictionLevel(SpoofChecker.RestrictionLevel.HIGHLY_RESTRICTIVE)
            .setChecks(SPOOF_CHECKS)
            .build();

    private static final Normalizer2 NFC = Normalizer2.getNFCInstance();

    private ConfusableNames() {}

    /**
     * Refuses a name that imitates another by its own make-up (see the class comment).
     *
     * @param field the field to name in the refusal, such as {@code displayName}
     * @param name  the name as it will be stored
     * @throws InvalidValueException naming {@code field}, saying what to change
     */
    public static void check(String field, String name) {
        if (name == null) {
            throw new InvalidValueException(field, "is required");
        }
        boolean hasLetter = false;
        for (int i = 0; i < name.length(); ) {
            int c = name.codePointAt(i);
            if (invisible(c)) {
                throw new InvalidValueException(
                        field,
                        "must not contain invisible or formatting characters (it has " + codePoint(c)
                                + "); type the name again without copying and pasting it");
            }
            hasLetter |= UCharacter.isLetter(c);
            i += Character.charCount(c);
        }
        if (!hasLetter) {
            throw new InvalidValueException(field, "must contain at least one letter");
        }
        SpoofChecker.CheckResult result = new SpoofChecker.CheckResult();
        if (!CHECKER.failsChecks(name, result)) {
            return;
        }
        // Digits first: Arabic-Indic digits count as Arabic script, and "Team 1١" has no Arabic letter to rewrite.
        if ((result.checks & SpoofChecker.MIXED_NUMBERS) != 0) {
            throw new InvalidValueException(field, "mixes digits from different number systems; use one kind of digit");
        }
        if ((result.checks & SpoofChecker.RESTRICTION_LEVEL) != 0) {
            throw new InvalidValueException(
                    field,
                    "mixes letters from different alphabets (" + scripts(name)
                            + "), which can make one name look like another; write it in one alphabet");
        }
        throw new InvalidValueException(
                field,
                "has an accent or dot that is repeated or hidden over another;"
                        + " type the name again without copying and pasting it");
    }

    /**
     * The form in which two names that look alike are equal: UTS #39's skeleton of the name without
     * its default-ignorable characters (zero-width joiners and the like, which {@link #check} refuses
     * but older stored names may hold), with runs of spaces of any kind as one space and none at
     * either end. "Officer", "0fficer", "Оfficer" (Cyrillic О) and "Officer" with a zero-width joiner
     * have one skeleton; so have "Ian" and "lan", and "Jim" and "Jirn". Not for display: a skeleton
     * is not a name ("Smith" becomes "Srnith").
     *
     * <p>The comparison is visual, so case counts where it shows: "officer" and "Officer" have
     * different skeletons. Folding case as well cannot be done consistently: capital I looks like
     * small l, and small l is not small i, so "OFFICER" would fold one way and "Officer" another, or
     * every i would have to match every l. Names that differ only in case are visibly different;
     * whether two such names may both be held is the caller's rule, like two people sharing a name.
     */
    public static String skeleton(String name) {
        StringBuilder visible = new StringBuilder(name.length());
        name.codePoints()
                .filter(c -> !UCharacter.hasBinaryProperty(c, UProperty.DEFAULT_IGNORABLE_CODE_POINT))
                .forEach(visible::appendCodePoint);
        return collapseSpaces(CHECKER.getSkeleton(visible));
    }

    /**
     * True when {@code name} looks like {@code existing} but is not the same name: the skeletons are
     * equal while the names differ even after canonical composition ("Zoë" typed as "e" and a combining
     * diaeresis is the same name as "Zoë" typed with "ë"). Two people who share a name are the caller's
     * matter, not an imitation.
     */
    public static boolean imitates(String name, String existing) {
        return !NFC.normalize(name).equals(NFC.normalize(existing))
                && skeleton(name).equals(skeleton(existing));
    }

    /**
     * Characters that show nothing, change how neighbours show, or show differently by font or
     * system. ICU's character data rather than the JDK's, so that both checks read the same Unicode
     * version and a letter newer than the JDK's tables is not taken for an unassigned code point.
     */
    private static boolean invisible(int c) {
        int type = UCharacter.getType(c);
        return type == UCharacterCategory.FORMAT
                || type == UCharacterCategory.CONTROL
                || type == UCharacterCategory.PRIVATE_USE
                || type == UCharacterCategory.UNASSIGNED
                || type == UCharacterCategory.SURROGATE
                || type == UCharacterCategory.LINE_SEPARATOR
                || type == UCharacterCategory.PARAGRAPH_SEPARATOR
                || UCharacter.hasBinaryProperty(c, UProperty.DEFAULT_IGNORABLE_CODE_POINT);
    }

    private static String collapseSpaces(String skeleton) {
        StringBuilder out = new StringBuilder(skeleton.length());
        boolean pendingSpace = false;
        for (int i = 0; i < skeleton.length(); ) {
            int c = skeleton.codePointAt(i);
            i += Character.charCount(c);
            if (UCharacter.isUWhiteSpace(c)) {
                pendingSpace = out.length() > 0;
            } else {
                if (pendingSpace) {
                    out.append(' ');
                    pendingSpace = false;
                }
                out.appendCodePoint(c);
            }
        }
        return out.toString();
    }

    /** The scripts of a name's letters, by their English names, for a message the person can act on. */
    private static String scripts(String name) {
        TreeSet<String> names = new TreeSet<>();
        for (int i = 0; i < name.length(); ) {
            int c = name.codePointAt(i);
            i += Character.charCount(c);
            int script = UScript.getScript(c);
            if (script != UScript.COMMON && script != UScript.INHERITED) {
                names.add(UScript.getName(script));
            }
        }
        return String.join(" and ", names);
    }

    private static String codePoint(int c) {
        return String.format("U+%04X", c);
    }
}
