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
}
