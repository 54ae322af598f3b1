package org.lscb.library.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.lscb.library.TestReports;

/**
 * Broken and hostile files given to the extraction that guards publication [11]: truncated, bit-flipped, a
 * .docx whose part inflates a thousandfold, a PDF claiming a huge page count. Each is read or refused with an
 * {@link UnreadableReportException}, never another exception; none can hang, because the extractor abandons a read
 * at its own time limit (the test sets no timing threshold of its own).
 */
class TextExtractorFuzzTest {

    private static final long SEED = 20_211_101L;
    private static TextExtractor extractor;

    @BeforeAll
    static void open() {
        extractor = new TextExtractor(new ExtractionLimits(5_000_000, 200, 5_000, 500_000, Duration.ofSeconds(20)), 2);
    }

    @AfterAll
    static void close() {
        extractor.close();
    }

    record Case(String name, byte[] bytes) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<Case> files() throws Exception {
        Random random = new Random(SEED);
        byte[] pdf = TestReports.pdf(List.of("Page one of the report", "Page two of the report"));
        byte[] docx = TestReports.docx(List.of("Paragraph one.", "Paragraph two."));
        List<Case> out = new ArrayList<>();
        for (int i = 1; i <= 8; i++) {
            out.add(new Case("truncated pdf " + i, java.util.Arrays.copyOf(pdf, pdf.length * i / 9)));
            out.add(new Case("truncated docx " + i, java.util.Arrays.copyOf(docx, docx.length * i / 9)));
        }
        for (int i = 0; i < 40; i++) {
            out.add(new Case("bit-flipped pdf " + i, flip(pdf, random, 1 + i % 8)));
            out.add(new Case("bit-flipped docx " + i, flip(docx, random, 1 + i % 8)));
        }
        out.add(new Case("docx zip bomb", zipBomb()));
        out.add(new Case("pdf claiming a huge page count", hugePageCount()));
        out.add(new Case("pdf header only", "%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII)));
        out.add(new Case("zip header only", new byte[] {'P', 'K', 3, 4}));
        return out;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void aBrokenFileIsReadOrRefusedAsUnreadable(Case file) {
        try {
            ReportText text = extractor.extract(file.bytes(), "The report");
            assertThat(text.parts()).isNotNull();
        } catch (UnreadableReportException refused) {
            assertThat(refused.code()).isNotBlank();
        }
    }

    private static byte[] flip(byte[] original, Random random, int bits) {
        byte[] out = original.clone();
        for (int i = 0; i < bits; i++) {
            int at = random.nextInt(out.length);
            out[at] ^= (byte) (1 << random.nextInt(8));
        }
        return out;
    }

    /** A .docx whose document part is 50 MB of one repeated byte: it inflates about a thousandfold. */
    private static byte[] zipBomb() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.write(
                    ("<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                                    + "<Default Extension=\"xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>")
                            .getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("word/document.xml"));
            byte[] block = new byte[1 << 20];
            java.util.Arrays.fill(block, (byte) ' ');
            for (int i = 0; i < 50; i++) {
                zip.write(block);
            }
        }
        return out.toByteArray();
    }

    /** A PDF whose page tree says it has two billion pages. */
    private static byte[] hugePageCount() {
        String pdf = "%PDF-1.4\n1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n"
                + "2 0 obj <</Type /Pages /Kids [3 0 R] /Count 2000000000>> endobj\n"
                + "3 0 obj <</Type /Page /Parent 2 0 R /MediaBox [0 0 612 792]>> endobj\n"
                + "trailer <</Root 1 0 R>>\n%%EOF\n";
        return pdf.getBytes(StandardCharsets.US_ASCII);
    }
}
