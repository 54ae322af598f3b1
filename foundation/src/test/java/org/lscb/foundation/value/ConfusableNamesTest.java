package org.lscb.foundation.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ConfusableNamesTest {

    private static AbstractThrowableAssert<?, ? extends Throwable> refusal(String name) {
        return assertThatThrownBy(() -> ConfusableNames.check("displayName", name))
                .isInstanceOf(InvalidValueException.class)
                .satisfies(e -> assertThat(((InvalidValueException) e).field()).isEqualTo("displayName"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Zoë Ó Briain",
                "Zoe\u0308 O\u0301 Briain", // the same, with accents as combining marks
                "François Dubois",
                "Siân Lloyd",
                "Seán Ó Dónaill",
                "Gwenllïan ap Rhys",
                "Łukasz Żółć",
                "Nguyễn Thị Minh Khai",
                "Ærøskøbing Ståle",
                "O'Brien",
                "D\u2019Arcy",
                "Anne-Marie Smith-Jones",
                "J. R. Hartley",
                "Dr Ada Lovelace, OBE",
                "محمد علي", // Arabic
                "王秀英", // Chinese
                "Сергей Иванов", // Cyrillic
                "Νίκος Παπαδόπουλος", // Greek
                "山田\u3000はなこ", // Japanese: Han with Hiragana, an ideographic space
                "김민준", // Korean
                "प्रिया शर्मा", // Devanagari
                "Li 李", // Latin with Han is allowed at the highly restrictive level
                "Team 1",
            })
    void realNamesInOneScript_pass(String name) {
        assertThatCode(() -> ConfusableNames.check("displayName", name)).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "\u041efficer", // Cyrillic capital O
                "\u039ffficer", // Greek capital omicron
                "Offic\u0435r", // Cyrillic small ie
                "\u0585fficer", // Armenian small oh: passes at the moderately restrictive level
                "\u13aalice", // Cherokee A
                "Jоhn Smith", // Cyrillic small o inside an otherwise Latin name
            })
    void latinMixedWithALookalikeScript_isRefused(String name) {
        refusal(name).hasMessageContaining("mixes letters from different alphabets");
    }

    @Test
    void mixedScriptRefusal_namesTheScripts() {
        refusal("\u041efficer").hasMessageContaining("(Cyrillic and Latin)");
        refusal("\u039ffficer").hasMessageContaining("(Greek and Latin)");
    }

    @Test
    void latinBesideAnotherFullScript_isRefusedAtThisLevel() {
        // The price of the highly restrictive level: a name written twice, in two scripts, is refused.
        refusal("Ahmed أحمد").hasMessageContaining("(Arabic and Latin)");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Officer\u200b", // zero-width space
                "Off\u200ccer", // zero-width non-joiner
                "Officer\u200d", // zero-width joiner
                "Off\u2060icer", // word joiner
                "\ufeffOfficer", // byte-order mark
                "Offi\u00adcer", // soft hyphen
                "Off\u202eicer", // right-to-left override
                "\u202aOfficer\u202c", // left-to-right embedding and pop
                "\u2067Officer\u2069", // right-to-left isolate and pop
                "Officer\u200f", // right-to-left mark
                "\u061cOfficer", // Arabic letter mark
                "Officer\ufe0f", // variation selector
                "\u3164Officer", // Hangul filler, a letter that shows as nothing
                "Officer\ue000", // private use
                "Officer\u0378", // unassigned
                "Officer\ud800", // lone surrogate
                "Officer\u2028", // line separator
            })
    void invisibleOrFormattingCharacters_areRefused(String name) {
        refusal(name).hasMessageContaining("must not contain invisible or formatting characters");
    }

    @Test
    void invisibleRefusal_namesTheCharacter() {
        refusal("Off\u202eicer").hasMessageContaining("U+202E");
    }

    @Test
    void repeatedOrHiddenMarks_areRefused() {
        refusal("Zoe\u0308\u0308").hasMessageContaining("repeated or hidden");
        refusal("Li\u0307ly").hasMessageContaining("repeated or hidden");
    }

    @Test
    void digitsFromTwoNumberSystems_areRefused() {
        refusal("Team 1\u0661").hasMessageContaining("digits from different number systems");
        refusal("\u0641\u0631\u064a\u0642 1\u0661").hasMessageContaining("digits from different number systems");
    }

    @ParameterizedTest
    @ValueSource(strings = {"...", "1234", "\u2800\u2800\u2800", "- -"})
    void nameWithoutALetter_isRefused(String name) {
        refusal(name).hasMessage("displayName: must contain at least one letter");
    }

    @Test
    void nullName_isRefused() {
        refusal(null).hasMessage("displayName: is required");
    }

    @Test
    void lookalikes_shareASkeleton() {
        String officer = ConfusableNames.skeleton("Officer");

        assertThat(ConfusableNames.skeleton("\u041efficer")).isEqualTo(officer);
        assertThat(ConfusableNames.skeleton("\u039ffficer")).isEqualTo(officer);
        assertThat(ConfusableNames.skeleton("0fficer")).isEqualTo(officer);
        assertThat(ConfusableNames.skeleton("Officer\u200d")).isEqualTo(officer);
        assertThat(ConfusableNames.skeleton("Ian Smith")).isEqualTo(ConfusableNames.skeleton("lan Smith"));
        assertThat(ConfusableNames.skeleton("Jim Beam")).isEqualTo(ConfusableNames.skeleton("Jirn Bearn"));
        assertThat(ConfusableNames.skeleton("\u0421\u043e\u0440\u0440")).isEqualTo(ConfusableNames.skeleton("Copp"));
    }

    @Test
    void caseCountsWhereItShows() {
        // Visual, not case-insensitive: a capital I looks like a small l, so "OFFICER" cannot also match "officer".
        assertThat(ConfusableNames.skeleton("officer")).isNotEqualTo(ConfusableNames.skeleton("Officer"));
        assertThat(ConfusableNames.skeleton("0fficer")).isNotEqualTo(ConfusableNames.skeleton("officer"));
        assertThat(ConfusableNames.skeleton("OFFICER")).isEqualTo(ConfusableNames.skeleton("OFFlCER"));
    }

    @Test
    void spacingDifferences_shareASkeleton() {
        String name = ConfusableNames.skeleton("John Smith");

        assertThat(ConfusableNames.skeleton("John  Smith")).isEqualTo(name);
        assertThat(ConfusableNames.skeleton(" John Smith ")).isEqualTo(name);
        assertThat(ConfusableNames.skeleton("John\u00a0Smith")).isEqualTo(name);
        assertThat(ConfusableNames.skeleton("John\u3000Smith")).isEqualTo(name);
    }

    @Test
    void visiblyDifferentNames_haveDifferentSkeletons() {
        assertThat(ConfusableNames.skeleton("Zoë")).isNotEqualTo(ConfusableNames.skeleton("Zoe"));
        assertThat(ConfusableNames.skeleton("Siân")).isNotEqualTo(ConfusableNames.skeleton("Sian"));
        assertThat(ConfusableNames.skeleton("Officer")).isNotEqualTo(ConfusableNames.skeleton("Offices"));
        assertThat(ConfusableNames.skeleton("John Smith")).isNotEqualTo(ConfusableNames.skeleton("JohnSmith"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Officer", "0fficer", "Zoë Ó Briain", "Ian Smith", "Сергей Иванов", "山田 はなこ", "ΑΒΓ"})
    void skeleton_isStableWhenAppliedAgain(String name) {
        String once = ConfusableNames.skeleton(name);

        assertThat(ConfusableNames.skeleton(once)).isEqualTo(once);
    }

    @Test
    void imitates_aLookalikeButNotTheSameName() {
        assertThat(ConfusableNames.imitates("0fficer", "Officer")).isTrue();
        assertThat(ConfusableNames.imitates("\u041efficer", "Officer")).isTrue();

        assertThat(ConfusableNames.imitates("Officer", "Officer")).isFalse();
        assertThat(ConfusableNames.imitates("officer", "Officer")).isFalse(); // visibly different
        assertThat(ConfusableNames.imitates("Zoe\u0308", "Zoë")).isFalse(); // the same name, encoded two ways
        assertThat(ConfusableNames.imitates("Zoe", "Zoë")).isFalse(); // a different name that looks different
    }
}
