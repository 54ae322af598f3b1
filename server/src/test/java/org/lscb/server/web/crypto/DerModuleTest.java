package org.lscb.server.web.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.BEROctetStringGenerator;
import org.bouncycastle.asn1.BERSequenceGenerator;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.DERUTF8String;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * der.js, the browser's ASN.1 layer, against Bouncy Castle: what it writes is the DER Bouncy Castle writes,
 * it reads the BER Bouncy Castle streams, and malformed input ends in a DerError with a sentence, never a hang.
 */
@ExtendWith(ModuleBrowser.class)
class DerModuleTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "0",
                "1",
                "127",
                "128",
                "255",
                "256",
                "-1",
                "-128",
                "-129",
                "65537",
                "123456789012345678901234567890"
            })
    void integers_are_written_as_bouncy_castle_writes_them_and_read_back(String n, ModuleBrowser browser)
            throws Exception {
        Object written = browser.run("const d = await load('der.js'); return d.int(BigInt(args[0]));", n);
        assertThat(ModuleBrowser.bytesOf(written))
                .isEqualTo(new ASN1Integer(new BigInteger(n)).getEncoded(ASN1Encoding.DER));
        Object read = browser.run(
                "const d = await load('der.js'); return d.intOf(d.parse(args[0]));",
                ModuleBrowser.bytes(new ASN1Integer(new BigInteger(n)).getEncoded()));
        assertThat(read).isEqualTo(n);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.2.840.113549.1.9.16.1.23", "2.16.840.1.101.3.4.1.46", "1.3.132.0.34", "2.999.1", "0.0"})
    void object_identifiers_match_bouncy_castle_both_ways(String dotted, ModuleBrowser browser) throws Exception {
        byte[] bc = new ASN1ObjectIdentifier(dotted).getEncoded();
        assertThat(ModuleBrowser.bytesOf(browser.run("const d = await load('der.js'); return d.oid(args[0]);", dotted)))
                .isEqualTo(bc);
        assertThat(browser.run(
                        "const d = await load('der.js'); return d.oidOf(d.parse(args[0]));", ModuleBrowser.bytes(bc)))
                .isEqualTo(dotted);
    }

    @Test
    void a_set_is_sorted_as_der_requires(ModuleBrowser browser) throws Exception {
        ASN1EncodableVector v = new ASN1EncodableVector();
        v.add(new DEROctetString(new byte[] {9, 9}));
        v.add(new ASN1Integer(300));
        v.add(new DERUTF8String("b"));
        v.add(new ASN1Integer(2));
        byte[] bc = new DERSet(v).getEncoded(ASN1Encoding.DER);
        Object js = browser.run(
                "const d = await load('der.js'); return d.set(d.octets(Uint8Array.of(9, 9)), d.int(300), d.utf8('b'), d.int(2));");
        assertThat(ModuleBrowser.bytesOf(js)).isEqualTo(bc);
    }

    @Test
    void indefinite_lengths_and_chunked_octet_strings_as_bouncy_castle_streams_them_are_read(ModuleBrowser browser)
            throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BERSequenceGenerator seq = new BERSequenceGenerator(out);
        seq.addObject(new ASN1ObjectIdentifier("1.2.840.113549.1.7.1"));
        BEROctetStringGenerator octets = new BEROctetStringGenerator(seq.getRawOutputStream(), 0, true);
        byte[] content = new byte[100_000];
        for (int i = 0; i < content.length; i++) {
            content[i] = (byte) (i * 31);
        }
        try (var os = octets.getOctetOutputStream(new byte[1000])) {
            os.write(content);
        }
        seq.close();

        @SuppressWarnings("unchecked")
        Map<String, Object> read = (Map<String, Object>) browser.run("""
                const d = await load('der.js');
                const n = d.parse(args[0]);
                const tagged = n.child(1, 0, d.CLASS.CONTEXT);
                return { oid: d.oidOf(n.child(0)), segments: tagged.child(0).children.length, value: d.bytesOf(tagged.child(0)) };
                """, ModuleBrowser.bytes(out.toByteArray()));
        assertThat(read.get("oid")).isEqualTo("1.2.840.113549.1.7.1");
        assertThat((Long) read.get("segments")).isEqualTo(100L);
        assertThat(ModuleBrowser.bytesOf(read.get("value"))).isEqualTo(content);
    }

    @Test
    void times_and_text_read_as_certificates_write_them(ModuleBrowser browser) {
        Object answer = browser.run("""
                const d = await load('der.js');
                const t = d.parse(d.utcTime(new Date(Date.UTC(2049, 11, 31, 23, 59, 58))));
                const g = d.parse(d.generalizedTime(new Date(Date.UTC(2050, 0, 1, 0, 0, 0))));
                return [d.timeOf(t), d.timeOf(g), d.textOf(d.parse(d.utf8('Ærø ✓'))), d.toHex(d.fromPem(d.pem('X', Uint8Array.of(1, 2, 255)))[0])];
                """);
        assertThat(answer)
                .isEqualTo(List.of("2049-12-31T23:59:58.000Z", "2050-01-01T00:00:00.000Z", "Ærø ✓", "0102ff"));
    }

    /** Each hostile input, in hex, and the words its DerError must use. */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "3084ffffffff|claims 4294967295 bytes",
                "3087010101010101017f|larger than any input",
                "3080|before an indefinite length is closed",
                "308004020101|before an indefinite length is closed",
                "0480|primitive element has an indefinite length",
                "3003020101ff|1 bytes follow",
                "30|before a length",
                "|where an element should start",
                "1fffffffff7f00|tag number is too large",
                "0381|inside a length",
            })
    void malformed_input_ends_in_a_der_error_that_says_what_is_wrong(String hexAndWords, ModuleBrowser browser) {
        String[] parts = hexAndWords.split("\\|");
        byte[] input = java.util.HexFormat.of().parseHex(parts[0]);
        assertThatThrownBy(() ->
                        browser.run("const d = await load('der.js'); d.parse(args[0]);", ModuleBrowser.bytes(input)))
                .isInstanceOfSatisfying(ModuleBrowser.ScriptError.class, e -> {
                    assertThat(e.name()).isEqualTo("DerError");
                    assertThat(e.text()).contains(parts[1]);
                });
    }

    @Test
    void nesting_ten_thousand_deep_is_refused_at_the_bound_not_by_the_stack(ModuleBrowser browser) {
        byte[] deep = new byte[20_000];
        for (int i = 0; i < deep.length; i += 2) {
            deep[i] = 0x30;
            deep[i + 1] = (byte) 0x80;
        }
        assertThatThrownBy(() ->
                        browser.run("const d = await load('der.js'); d.parse(args[0]);", ModuleBrowser.bytes(deep)))
                .isInstanceOfSatisfying(
                        ModuleBrowser.ScriptError.class,
                        e -> assertThat(e.text()).isEqualTo("nested more than 40 deep"));
    }

    @Test
    void every_truncation_of_a_structure_is_refused(ModuleBrowser browser) throws Exception {
        byte[] whole = new DERSet(new ASN1EncodableVector() {
                    {
                        add(new ASN1Integer(new BigInteger("123456789012345678901234567890")));
                        add(new DEROctetString(new byte[300]));
                        add(new ASN1ObjectIdentifier("1.2.840.113549.1.9.16.1.23"));
                    }
                })
                .getEncoded();
        Object refused = browser.run("""
                const d = await load('der.js');
                let refused = 0;
                for (let n = 0; n < args[0].length; n++) {
                  try { d.parse(args[0].subarray(0, n)); } catch (e) { if (e instanceof d.DerError) refused++; }
                }
                return refused;
                """, ModuleBrowser.bytes(whole));
        assertThat(((Number) refused).intValue()).isEqualTo(whole.length);
    }
}
