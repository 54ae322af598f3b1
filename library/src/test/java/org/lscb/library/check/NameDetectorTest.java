package org.lscb.library.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The names on a review's redaction list must not be published in its report [11]. */
class NameDetectorTest {

    private String found(List<String> names, String text) {
        return Detected.first(new NameDetector(names), text);
    }

    @Test
    void findsANameAsAWholeWordInAnyCase() {
        assertThat(found(List.of("Smith"), "Mr SMITH attended")).isEqualTo("SMITH");
        assertThat(found(List.of("Smith"), "mr smith attended")).isEqualTo("smith");
        assertThat(found(List.of("Jane Smith"), "Jane\n Smith said")).isEqualTo("Jane\n Smith");
        assertThat(found(List.of("Zoë"), "ZOË was seen")).isEqualTo("ZOË");
    }

    @Test
    void aNameInsideAnotherWordIsNotFound() {
        assertThat(found(List.of("Ann"), "the annual report, Annette and Joanna"))
                .isNull();
        assertThat(found(List.of("Smith"), "the blacksmith's")).isNull();
    }

    @Test
    void aNameThatIsAlsoACommonWordIsFoundAsAName() {
        assertThat(found(List.of("Rose"), "Rose told her teacher")).isEqualTo("Rose");
        assertThat(found(List.of("Hope"), "a visit to HOPE's school")).isEqualTo("HOPE");
        assertThat(found(List.of("hope"), "when Hope was seen")).isEqualTo("Hope");
    }

    @Test
    void aNameThatIsAlsoACommonWordIsNotFoundWhereItIsTheWord() {
        assertThat(found(List.of("Rose"), "the number of referrals rose")).isNull();
        assertThat(found(List.of("Hope"), "professionals hope to learn")).isNull();
    }

    @Test
    void anOrdinaryNameIsFoundEvenInLowerCase() {
        assertThat(NameDetector.isCommonWord("Rose")).isTrue();
        assertThat(NameDetector.isCommonWord("Smith")).isFalse();
        assertThat(found(List.of("Okafor"), "okafor")).isEqualTo("okafor");
    }

    @Test
    void blankEntriesAreIgnored() {
        assertThat(new NameDetector(List.of("", "  ")).find("anything at all")).isEmpty();
    }

    /**
     * Word turns a typed apostrophe into a curly one and may join a double-barrelled name with a non-breaking hyphen,
     * so the report holds "O’Brien" and "Smith‑Jones" where the officer typed "O'Brien" and "Smith-Jones" [11].
     */
    @Test
    void aNameIsFoundWhateverApostropheOrHyphenTheReportWritesItWith() {
        assertThat(found(List.of("O'Brien"), "Ms O\u2019Brien visited")).isEqualTo("O\u2019Brien");
        assertThat(found(List.of("O\u2019Brien"), "Ms O'Brien visited")).isEqualTo("O'Brien");
        assertThat(found(List.of("Smith-Jones"), "Mr Smith\u2011Jones said")).isEqualTo("Smith\u2011Jones");
        assertThat(found(List.of("Smith-Jones"), "Mr Smith\u2010Jones said")).isEqualTo("Smith\u2010Jones");
        assertThat(found(List.of("Jane Smith"), "Jane\u2011Smith")).isEqualTo("Jane\u2011Smith");
    }
}
