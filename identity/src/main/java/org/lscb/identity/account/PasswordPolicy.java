package org.lscb.identity.account;

import java.nio.CharBuffer;
import java.text.Normalizer;
import java.util.Arrays;
import org.lscb.foundation.value.InvalidValueException;

/**
 * Which new passwords a person may choose, after NIST SP 800-63B section 5.1.1.2 (memorized secret
 * verifiers): length, and a refusal of passwords an attacker tries first; no composition rules (no
 * "must contain a digit"), because they make passwords harder to remember without making them
 * harder to guess. Each refusal is an {@link InvalidValueException} on the field {@code password}
 * whose message says what to change; no message repeats the password.
 *
 * <p>Refused, in this order:
 * <ol>
 * <li>empty, or only spaces (any Unicode space or invisible formatting character);</li>
 * <li>fewer than {@value #MIN_LENGTH} or more than {@value #MAX_LENGTH} characters;</li>
 * <li>one character or a short group repeated, such as {@code aaaaaaaaaaaa} or {@code abcabcabcabc}
 *     (also with a partial group at the end, and whatever the case): refused when the group is
 *     shorter than {@value #MIN_LENGTH}, since the password is then no harder to guess than the group;
 *     a group of {@value #MIN_LENGTH} or more typed twice passes;</li>
 * <li>a simple sequence: at most two runs in which each character is the same as, or one after or
 *     one before, the previous one ({@code 123456789012}, {@code abcdefghijkl}, {@code zyxwvutsrqpo},
 *     {@code abcdef123456}); digits and the letters a-z wrap round ({@code 7890123456}, {@code xyzabc});</li>
 * <li>one of the 100,000 most common passwords (see {@link CommonPasswords} for the list, its
 *     source and licence), compared without regard to case;</li>
 * <li>a common password with digits, punctuation, symbols or spaces added before or after it
 *     ({@code Dragon2024!!}, {@code !!password}, {@code zxc123!?!?!?}): the letters between the first
 *     and last letter, and separately the letters and digits between the first and last of those,
 *     are looked up. Cracking tools try exactly these additions to every listed password early, so
 *     the characters added buy little: the password's real length is the listed one's. Such a
 *     password is refused whatever its total length. In practice the listed part is nearly always
 *     short of {@value #MIN_LENGTH} (99% of the list is), and a listed part of {@value #MIN_LENGTH}
 *     or more would be refused on its own at rule 5, so a few characters added to it should not
 *     make it acceptable either;</li>
 * <li>equal to the username, or containing it when the username has at least
 *     {@value #USERNAME_SEARCHED_FROM} characters, without regard to case (a two-letter username
 *     such as {@code al} would otherwise forbid every password containing "always").</li>
 * </ol>
 *
 * <p>Characters are counted as Unicode code points after NFKC normalisation. NFKC because it makes
 * the count and the comparisons independent of how a keyboard or operating system encoded what the
 * person typed: {@code é} as one code point or as {@code e} plus a combining accent counts once;
 * a full-width {@code ｐａｓｓｗｏｒｄ} or a ligature {@code ﬁ} is compared as the letters it stands
 * for. NFKC is also the form 63B asks verifiers to apply before hashing. This class only judges the
 * password; what gets hashed is {@link PasswordHasher}'s concern.
 *
 * <p>The password arrives as {@code char[]} so that the caller can wipe it. This class never keeps it:
 * it works on code point arrays that it zeroes before returning. Passwords that are all ASCII, nearly
 * all of them, never become a {@link String}. Any other password is normalised through
 * {@link Normalizer}, which takes and returns a {@code String}; that one transient, unreachable copy
 * cannot be wiped and is left to the garbage collector. The caller's array is not changed.
 *
 * <p>Thread-safe and stateless; the common password list loads once, on the first check.
 */
public final class PasswordPolicy {

    /** Fewest characters (code points after NFKC); 63B asks for at least 8; this registry asks for more. */
    public static final int MIN_LENGTH = 12;
    /** Most characters; 63B asks verifiers to allow at least 64. */
    public static final int MAX_LENGTH = 1024;
    /** Shortest username searched for inside a password; shorter ones are only compared whole. */
    static final int USERNAME_SEARCHED_FROM = 4;

    private static final String FIELD = "password";
    /**
     * A bound on the {@code char}s looked at before normalising: NFKC composes at most a few
     * {@code char}s into one code point (a letter and its accents, a Hangul syllable's parts), so
     * anything longer is over {@link #MAX_LENGTH} however it normalises.
     */
    private static final int MAX_CHARS = MAX_LENGTH * 4;

    private static final PasswordPolicy STANDARD = new PasswordPolicy();

    private PasswordPolicy() {}

    /** The policy for every account: the rules above with the limits above. */
    public static PasswordPolicy standard() {
        return STANDARD;
    }

    /**
     * Refuses a password the person should not use.
     *
     * @param password what the person typed; not changed, not kept
     * @param username the account's username, or {@code null} when there is none yet to compare
     * @throws InvalidValueException on the field {@code password}, naming the first rule broken
     */
    public void check(char[] password, String username) {
        if (password == null || password.length == 0) {
            throw refused("must not be empty");
        }
        if (password.length > MAX_CHARS) {
            throw refused("must be at most " + MAX_LENGTH + " characters long");
        }
        int[] typed = normalised(password);
        int[] lower = null;
        try {
            if (allBlank(typed)) {
                throw refused("must not be only spaces");
            }
            if (typed.length < MIN_LENGTH) {
                throw refused("must be at least " + MIN_LENGTH + " characters long;"
                        + " a few unrelated words make a long password that is easy to remember");
            }
            if (typed.length > MAX_LENGTH) {
                throw refused("must be at most " + MAX_LENGTH + " characters long");
            }
            lower = lowerCase(typed);
            if (repeatsShortGroup(lower)) {
                throw refused("must not be one character or a short group of characters repeated,"
                        + " such as 'aaaa' or 'abcabc'; choose something less regular");
            }
            if (runs(lower) <= 2) {
                throw refused(
                        "must not be a simple sequence such as 'abcdef' or '123456'; choose something less regular");
            }
            CommonPasswords common = CommonPasswords.list();
            if (common.contains(lower, 0, lower.length)) {
                throw refused("is one of the most commonly used passwords, which attackers try first;"
                        + " choose something else, such as a few unrelated words");
            }
            if (listedAfterStripping(common, lower)) {
                throw refused("is a commonly used password with numbers or symbols added, which attackers try early;"
                        + " choose something else, such as a few unrelated words");
            }
            checkUsername(lower, username);
        } finally {
            Arrays.fill(typed, 0);
            if (lower != null) {
                Arrays.fill(lower, 0);
            }
        }
    }

    private static InvalidValueException refused(String message) {
        return new InvalidValueException(FIELD, message);
    }

    /** Code points after NFKC; ASCII is already NFKC, so it is read straight from the array. */
    private static int[] normalised(char[] password) {
        boolean ascii = true;
        for (char c : password) {
            if (c >= 0x80) {
                ascii = false;
                break;
            }
        }
        if (ascii) {
            int[] out = new int[password.length];
            for (int i = 0; i < password.length; i++) {
                out[i] = password[i];
            }
            return out;
        }
        // The one transient String this class makes (see the class comment).
        return Normalizer.normalize(CharBuffer.wrap(password), Normalizer.Form.NFKC)
                .codePoints()
                .toArray();
    }

    private static int[] lowerCase(int[] codePoints) {
        int[] out = new int[codePoints.length];
        for (int i = 0; i < codePoints.length; i++) {
            out[i] = Character.toLowerCase(codePoints[i]);
        }
        return out;
    }

    private static boolean allBlank(int[] codePoints) {
        for (int c : codePoints) {
            if (!Character.isWhitespace(c) && !Character.isSpaceChar(c) && Character.getType(c) != Character.FORMAT) {
                return false;
            }
        }
        return true;
    }

    /**
     * True when the password is a group shorter than {@link #MIN_LENGTH} written at least twice, the
     * last time perhaps in part. The smallest such group is the password's smallest period, found with
     * the Knuth-Morris-Pratt failure function: period = length - longest proper prefix that is also a suffix.
     */
    static boolean repeatsShortGroup(int[] s) {
        int n = s.length;
        int[] border = new int[n];
        for (int i = 1, k = 0; i < n; i++) {
            while (k > 0 && s[i] != s[k]) {
                k = border[k - 1];
            }
            if (s[i] == s[k]) {
                k++;
            }
            border[i] = k;
        }
        int period = n - border[n - 1];
        return period * 2 <= n && period < MIN_LENGTH;
    }

    /**
     * How many runs the password splits into, taken greedily from the left, where within a run each
     * character steps from the one before by the same amount: 0 (repeated), +1 or -1. Digits step
     * round 9-0 and the letters a-z round z-a; other characters step by their code point, so that
     * Cyrillic or Greek alphabetical runs count too.
     */
    static int runs(int[] s) {
        int count = 0;
        int i = 0;
        while (i < s.length) {
            count++;
            if (i == s.length - 1) {
                break;
            }
            int step = step(s[i], s[i + 1]);
            int j = i + 1;
            if (step != NO_STEP) {
                while (j + 1 < s.length && step(s[j], s[j + 1]) == step) {
                    j++;
                }
                i = j + 1;
            } else {
                i = j;
            }
        }
        return count;
    }

    private static final int NO_STEP = Integer.MIN_VALUE;

    private static int step(int from, int to) {
        int difference;
        if (isDigit(from) && isDigit(to)) {
            difference = Math.floorMod(to - from, 10);
            difference = difference == 9 ? -1 : difference;
        } else if (isLetter(from) && isLetter(to)) {
            difference = Math.floorMod(to - from, 26);
            difference = difference == 25 ? -1 : difference;
        } else {
            difference = to - from;
        }
        return difference >= -1 && difference <= 1 ? difference : NO_STEP;
    }

    private static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isLetter(int c) {
        return c >= 'a' && c <= 'z';
    }

    /** Looks up the part between the first and last letter, then between the first and last letter or digit. */
    private static boolean listedAfterStripping(CommonPasswords common, int[] s) {
        return listedBetween(common, s, true) || listedBetween(common, s, false);
    }

    private static boolean listedBetween(CommonPasswords common, int[] s, boolean lettersOnly) {
        int from = 0;
        while (from < s.length && !kept(s[from], lettersOnly)) {
            from++;
        }
        int to = s.length;
        while (to > from && !kept(s[to - 1], lettersOnly)) {
            to--;
        }
        boolean stripped = from > 0 || to < s.length;
        return stripped && common.contains(s, from, to);
    }

    private static boolean kept(int c, boolean lettersOnly) {
        return lettersOnly ? Character.isLetter(c) : Character.isLetterOrDigit(c);
    }

    private static void checkUsername(int[] password, String username) {
        if (username == null || username.isBlank()) {
            return;
        }
        int[] name = CommonPasswords.listForm(username.strip());
        if (Arrays.equals(password, name)) {
            throw refused("must not be the same as your username");
        }
        if (name.length >= USERNAME_SEARCHED_FROM && indexOf(password, name) >= 0) {
            throw refused("must not contain your username");
        }
    }

    private static int indexOf(int[] haystack, int[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
