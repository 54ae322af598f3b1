package org.lscb.server.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** RFC 8941 dictionaries as Content-Digest uses them; the examples are RFC 9530's and RFC 8941's own. */
class StructuredDictionaryTest {

    @Test
    void rfc9530sExample_givesItsByteSequence() throws Exception {
        Map<String, Optional<byte[]>> d =
                StructuredDictionary.parse("sha-256=:X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE=:");

        assertThat(d).containsOnlyKeys("sha-256");
        assertThat(d.get("sha-256"))
                .contains(Base64.getDecoder().decode("X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE="));
    }

    @Test
    void severalMembers_withSpacesTabsAndParameters_areEachRead() throws Exception {
        Map<String, Optional<byte[]>> d = StructuredDictionary.parse(
                "  sha-512=:AQID:;x=1 ,\tsha-256=:BAU=:, id-sha-256=?1, unixsum=42, md5=\"q\\\"uote\", a=(1 2.5 tok :AA==:);p, flag;q=x  ");

        assertThat(d).containsOnlyKeys("sha-512", "sha-256", "id-sha-256", "unixsum", "md5", "a", "flag");
        assertThat(d.get("sha-512")).contains(new byte[] {1, 2, 3});
        assertThat(d.get("sha-256")).contains(new byte[] {4, 5});
        assertThat(d.get("id-sha-256")).isEmpty();
        assertThat(d.get("a")).as("an inner list is not a byte sequence").isEmpty();
        assertThat(d.get("flag")).as("a bare key is the boolean true").isEmpty();
    }

    @Test
    void aKeyNamedTwice_keepsItsLastValue() throws Exception {
        assertThat(StructuredDictionary.parse("sha-256=:AQ==:, sha-256=:Ag==:").get("sha-256"))
                .contains(new byte[] {2});
    }

    @Test
    void base64WithoutPadding_isAccepted_asRfc8941Recommends() throws Exception {
        assertThat(StructuredDictionary.parse("sha-256=:AQI:").get("sha-256")).contains(new byte[] {1, 2});
    }

    @Test
    void anEmptyField_isAnEmptyDictionary() throws Exception {
        assertThat(StructuredDictionary.parse("   ")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "SHA-256=:AQ==:", // keys are lower case
                "sha-256=:AQ==:,", // a trailing comma
                ",sha-256=:AQ==:", // a leading comma
                "sha-256=:AQ==: sha=:AQ==:", // no comma between members
                "sha-256=:AQ==", // an unclosed byte sequence
                "sha-256=:A Q==:", // a space inside base64
                "sha-256=:AQ=A:", // padding in the middle
                "sha-256=:AQ==:x", // text right after the value
                "sha-256 =:AQ==:", // a space before =
                "sha-256=", // no value
                "sha-256=\"open", // an unclosed string
                "sha-256=\"\\x\"", // an escape other than \" and \\
                "sha-256=?2", // not a boolean
                "sha-256=1234567890123456", // an integer of 16 digits
                "sha-256=1.2345", // a decimal with 4 fraction digits
                "sha-256=(1 2", // an unclosed inner list
                "sha-256=(1,2)", // inner list items are separated by spaces
                "sha-256=@1", // a date (RFC 9651), not RFC 8941
                "sha-256=:AQ==:;", // a parameter without a key
                "é=:AQ==:", // not ASCII
            })
    void textOutsideTheGrammar_isRefused(String field) {
        assertThatThrownBy(() -> StructuredDictionary.parse(field))
                .isInstanceOf(StructuredDictionary.MalformedFieldException.class);
    }
}
