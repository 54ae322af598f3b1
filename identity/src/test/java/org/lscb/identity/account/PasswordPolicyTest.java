package org.lscb.identity.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lscb.foundation.value.InvalidValueException;

class PasswordPolicyTest {

    private final PasswordPolicy policy = PasswordPolicy.standard();

    /** Asserts a refusal on the password field, and that the message does not repeat the password. */
    private AbstractThrowableAssert<?, ? extends Throwable> refusal(String password, String username) {
        return assertThatThrownBy(() -> policy.check(password.toCharArray(), username))
                .isInstanceOf(InvalidValueException.class)
                .satisfies(e -> assertThat(((InvalidValueException) e).field()).isEqualTo("password"))
                .satisfies(e -> {
                    if (!password.isBlank()) {
                        assertThat(e.getMessage()).doesNotContain(password);
                    }
                });
    }

    private AbstractThrowableAssert<?, ? extends Throwable> refusal(String password) {
        return refusal(password, "officer.jones");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "plankton orbit velvet marmalade", // a passphrase of unrelated words
                "q7#Vm2!xLp9R", // 12 random characters, exactly the minimum
                "x7rk2pq9wmz4", // 12 random lower-case letters and digits, no symbol needed
                "Kettle-umbrella-Fjord-9",
                "Zoë's fjord café at 1984", // accents and an apostrophe
                "надёжный длинный пароль", // Cyrillic passphrase
                "猫が窓の外を見ている午後", // 12 Japanese characters: code points, not bytes, are counted
                "Kx9#vLm2qR7!Kx9#vLm2qR7!", // a 12-character group typed twice: the group is long enough
                "always tall walls of stone", // contains the two-letter username "al", not searched for
            })
    void legitimatePasswords_pass(String password) {
        assertThatCode(() -> policy.check(password.toCharArray(), "al")).doesNotThrowAnyException();
        assertThatCode(() -> policy.check(password.toCharArray(), null)).doesNotThrowAnyException();
    }

    @Test
    void longestAllowed_passesAndOneMore_isRefused() {
        char[] longest = randomLetters(PasswordPolicy.MAX_LENGTH);
        char[] tooLong = randomLetters(PasswordPolicy.MAX_LENGTH + 1);

        assertThatCode(() -> policy.check(longest, "officer.jones")).doesNotThrowAnyException();
        assertThatThrownBy(() -> policy.check(tooLong, "officer.jones"))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("at most 1024 characters");
    }

    @Test
    void farTooLongInput_isRefusedBeforeNormalising() {
        char[] huge = new char[100_000];
        java.util.Arrays.fill(huge, 'é');

        assertThatThrownBy(() -> policy.check(huge, null)).hasMessageContaining("at most 1024 characters");
    }

    @Test
    void emptyOrNull_isRefused() {
        assertThatThrownBy(() -> policy.check(new char[0], null)).hasMessage("password: must not be empty");
        assertThatThrownBy(() -> policy.check(null, null)).hasMessage("password: must not be empty");
    }

    @ParameterizedTest
    @ValueSource(strings = {" ", "            ", "\t \u00a0  \u2003   \u3000  ", "  \u200b  \u200b  \u200b  "})
    void onlySpaces_isRefused(String password) {
        refusal(password).hasMessage("password: must not be only spaces");
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "Xq7#mP2!zL9", "ﾀﾞｲｺﾝ"})
    void elevenOrFewerCharacters_isRefused(String password) {
        refusal(password).hasMessageContaining("must be at least 12 characters long");
    }

    @Test
    void length_isCountedInCodePointsAfterNfkc() {
        // "Résumé naïv" with its accents typed as combining marks: 14 chars, 11 characters after NFKC.
        String decomposed = "Re\u0301sume\u0301 nai\u0308v";
        assertThat(decomposed).hasSize(14);
        refusal(decomposed, null).hasMessageContaining("at least 12 characters");

        // One more letter makes 12, typed either way.
        assertThatCode(() -> policy.check("Re\u0301sume\u0301 nai\u0308ve".toCharArray(), null))
                .doesNotThrowAnyException();
        assertThatCode(() -> policy.check("Résumé naïve".toCharArray(), null)).doesNotThrowAnyException();

        // A ligature is the letters it stands for: 11 chars, 12 characters after NFKC.
        String ligature = "\ufb01ve pale ow";
        assertThat(ligature).hasSize(11);
        assertThatCode(() -> policy.check(ligature.toCharArray(), null)).doesNotThrowAnyException();

        // Emoji outside the Basic Multilingual Plane are one character each, not two chars.
        String emoji = "🦊🦉🐝🌲🍄🌙🦊🦉🐝🌲🍄";
        assertThat(emoji).hasSize(22);
        refusal(emoji, null).hasMessageContaining("at least 12 characters");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "aaaaaaaaaaaa",
                "!!!!!!!!!!!!!!!!",
                "abcabcabcabc",
                "AbcABCabcabc", // case does not make a repeat less of a repeat
                "abcabcabcabca", // with a partial group at the end
                "horse horse horse ",
                "2024202420242024",
                "Xq7#mP2!zL9Xq7#mP2!zL9", // an 11-character group twice
            })
    void shortGroupRepeated_isRefused(String password) {
        refusal(password).hasMessageContaining("a short group of characters repeated");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "bcdefghijklm",
                "234567890123", // digits wrap from 9 to 0
                "zyxwvutsrqpo", // descending
                "xyzabcdefghi", // letters wrap from z to a
                "mnopqr456789", // two runs
                "aaaaaabbbbbb",
                "абвгдежзийкл", // an alphabetical run in Cyrillic
                "9876543210987",
            })
    void simpleSequence_isRefused(String password) {
        refusal(password).hasMessageContaining("simple sequence");
    }

    @Test
    void threeRuns_isNotASimpleSequence() {
        assertThatCode(() -> policy.check("abcdef 123456 zyxw".toCharArray(), null))
                .doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {"supernatural", "Supernatural", "ADMINISTRATOR", "1qaz2wsx3edc", "qazwsxedcrfv"})
    void commonPassword_isRefusedWhateverTheCase(String password) {
        refusal(password).hasMessageContaining("one of the most commonly used passwords");
    }

    @Test
    void theFamousXkcdPassphrase_isRefusedBecauseTheListHasIt() {
        // Its fame is why it is on the list: any phrase published as an example is tried early.
        refusal("correct horse battery staple").hasMessageContaining("one of the most commonly used passwords");
        refusal("correcthorsebatterystaple").hasMessageContaining("one of the most commonly used passwords");
    }

    @Test
    void fullWidthCommonPassword_isRefusedAfterNfkc() {
        refusal("ｓｕｐｅｒｎａｔｕｒａｌ").hasMessageContaining("one of the most commonly used passwords");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "dragon2024!!", // letters "dragon" are listed
                "!!Password1234", // added before and after
                "sunflower 2019",
                "p@ssw0rd2024!", // the letters between the first and last letter: "p@ssw0rd"
                "zxc123!?!?!?", // "zxc" is not listed, the letters and digits "zxc123" are
                "ｍｏｎｋｅｙ２０２４！！", // full width, as NFKC sees it
            })
    void commonPasswordWithDigitsOrSymbolsAdded_isRefused(String password) {
        refusal(password).hasMessageContaining("commonly used password with numbers or symbols added");
    }

    @Test
    void listedWordsInsideALongerPassphrase_pass() {
        // "plankton" and "orbit" are each on the list; the rule is about decoration, not about words.
        assertThatCode(() -> policy.check("plankton orbit 2024".toCharArray(), null))
                .doesNotThrowAnyException();
    }

    @Test
    void passwordEqualToTheUsername_isRefused() {
        refusal("harriet.vane1857", "harriet.vane1857").hasMessage("password: must not be the same as your username");
        refusal("Harriet.Vane1857", "harriet.vane1857").hasMessage("password: must not be the same as your username");
    }

    @Test
    void passwordContainingTheUsername_isRefusedWhateverTheCase() {
        refusal("my OFFICER.JONES login", "officer.jones").hasMessage("password: must not contain your username");
        refusal("bobby tables rules ok", "bobby").hasMessage("password: must not contain your username");
    }

    @Test
    void shortUsername_isOnlyComparedWhole() {
        assertThatCode(() -> policy.check("bobby tables rules ok".toCharArray(), "bob"))
                .doesNotThrowAnyException();
    }

    @Test
    void check_leavesTheCallersArrayAsItWas() {
        char[] password = "plankton orbit velvet marmalade".toCharArray();
        char[] copy = password.clone();
        char[] refused = "aaaaaaaaaaaa".toCharArray();

        policy.check(password, null);
        assertThatThrownBy(() -> policy.check(refused, null)).isInstanceOf(InvalidValueException.class);

        assertThat(password).isEqualTo(copy);
        assertThat(refused).isEqualTo("aaaaaaaaaaaa".toCharArray());
    }

    @Test
    void commonPasswordList_isTheWholeNbvcxzList() {
        CommonPasswords list = CommonPasswords.list();

        // 100,002 lines, 96,520 distinct once lower-cased.
        assertThat(list.size()).isEqualTo(96_520);
        assertThat(list.contains(CommonPasswords.listForm("password"), 0, 8)).isTrue();
        assertThat(list.contains(CommonPasswords.listForm("PassWord"), 0, 8)).isTrue();
        assertThat(list.contains(CommonPasswords.listForm("plankton orbit"), 0, 14))
                .isFalse();
        assertThat(CommonPasswords.list()).isSameAs(list);
    }

    private static char[] randomLetters(int length) {
        Random random = new Random(42);
        char[] out = new char[length];
        for (int i = 0; i < length; i++) {
            out[i] = (char) ('a' + random.nextInt(26));
        }
        return out;
    }
}
