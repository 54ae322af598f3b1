package org.lscb.library.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.lscb.library.ReportFormat;
import org.lscb.library.TestReports;

/** The text of a report to be published [11] is read within bounds of size, length and time. */
class TextExtractorTest {

    private final TextExtractor extractor =
            new TextExtractor(new ExtractionLimits(200_000, 5, 50, 5_000, Duration.ofSeconds(20)), 1);

    @AfterEach
    void close() {
        extractor.close();
    }

    @Test
    void readsAPdfPageByPage() {
        ReportText text = extractor.extract(TestReports.pdf(List.of("First page", "Second page")), "The report");
        assertThat(text.format()).isEqualTo(ReportFormat.PDF);
        assertThat(text.unit()).isEqualTo("page");
        assertThat(text.parts()).hasSize(2);
        assertThat(text.parts().get(1)).contains("Second page");
    }

    @Test
    void readsAWordDocumentParagraphByParagraph() {
        ReportText text = extractor.extract(TestReports.docx(List.of("One.", "Two.")), "The report");
        assertThat(text.format()).isEqualTo(ReportFormat.DOCX);
        assertThat(text.unit()).isEqualTo("paragraph");
        assertThat(text.parts()).containsExactly("One.", "Two.");
    }

    @Test
    void anEmptyFileIsRefused() {
        assertThatThrownBy(() -> extractor.extract(new byte[0], "The report"))
                .isInstanceOf(UnreadableReportException.class)
                .extracting("code")
                .isEqualTo("empty_file");
    }

    @Test
    void aFileLargerThanTheLimitIsRefusedBeforeItIsRead() {
        byte[] big = new byte[200_001];
        big[0] = '%';
        assertThatThrownBy(() -> extractor.extract(big, "The report"))
                .isInstanceOf(UnreadableReportException.class)
                .extracting("code")
                .isEqualTo("too_large");
    }

    @Test
    void somethingElseThanPdfOrDocxIsRefused() {
        assertThatThrownBy(() -> extractor.extract("plain text".getBytes(), "The report"))
                .extracting("code")
                .isEqualTo("not_pdf_or_word");
        // a legacy Word (.doc) file starts with the OLE2 signature
        byte[] doc = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1};
        assertThatThrownBy(() -> extractor.extract(doc, "The report"))
                .extracting("code")
                .isEqualTo("not_pdf_or_word");
    }

    @Test
    void morePagesThanTheLimitAreRefused() {
        assertThatThrownBy(() -> extractor.extract(TestReports.blankPages(6), "The report"))
                .extracting("code")
                .isEqualTo("too_many_pages");
    }

    @Test
    void moreParagraphsThanTheLimitAreRefused() {
        assertThatThrownBy(() -> extractor.extract(TestReports.docx(java.util.Collections.nCopies(51, "p")), "x"))
                .extracting("code")
                .isEqualTo("too_many_paragraphs");
    }

    @Test
    void moreTextThanTheLimitIsRefused() {
        assertThatThrownBy(() -> extractor.extract(TestReports.docx(List.of("a".repeat(5_001))), "The report"))
                .extracting("code")
                .isEqualTo("too_much_text");
    }

    @Test
    void aZipThatIsNotAWordDocumentIsRefusedAsUnreadable() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("hello.txt"));
            zip.write("hello".getBytes());
        }
        assertThatThrownBy(() -> extractor.extract(out.toByteArray(), "The report"))
                .extracting("code")
                .isEqualTo("unreadable_file");
    }

    @Test
    void aReadThatOutlastsTheTimeLimitIsAbandoned() {
        // no time at all: any read outlasts it, so the refusal does not depend on this machine's speed
        try (TextExtractor impatient =
                new TextExtractor(new ExtractionLimits(200_000, 5, 50, 5_000, Duration.ZERO), 1)) {
            assertThatThrownBy(() -> impatient.extract(TestReports.pdf("Some text"), "The report"))
                    .isInstanceOf(UnreadableReportException.class)
                    .hasMessageContaining("took longer");
        }
    }
}
