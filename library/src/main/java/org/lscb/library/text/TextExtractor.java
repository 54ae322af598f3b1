package org.lscb.library.text;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFHeaderFooter;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.lscb.foundation.value.DomainException;
import org.lscb.library.ReportFormat;

/**
 * Reads the text of a report for the personal-data check and the library's search, within {@link ExtractionLimits}.
 * PDFBox reads PDF and Apache POI reads .docx, directly rather than through Tika: each gives the page or paragraph a
 * finding is on, and nothing else is accepted, so Tika's other parsers would only add code to expose.
 *
 * <p>Every read runs on this extractor's own threads and is abandoned at the time limit (the thread is interrupted;
 * PDFBox is checked between pages). PDFBox keeps its scratch data in memory bounded to a multiple of the file's size;
 * POI refuses a zip whose parts inflate far beyond their compressed size ({@link ZipSecureFile}). Whatever goes wrong
 * is an {@link UnreadableReportException}.
 */
public final class TextExtractor implements AutoCloseable {

    /** A part inflating more than this multiple of its compressed size is a zip bomb (POI's own test). */
    private static final double MIN_INFLATE_RATIO = 0.01;

    private final ExtractionLimits limits;
    private final ExecutorService workers;

    public TextExtractor(ExtractionLimits limits, int threads) {
        this.limits = limits;
        this.workers = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "report-text");
            t.setDaemon(true);
            return t;
        });
        ZipSecureFile.setMinInflateRatio(MIN_INFLATE_RATIO);
        ZipSecureFile.setMaxEntrySize(Math.max(limits.maxBytes() * 20, 100L * 1024 * 1024));
        ZipSecureFile.setMaxTextSize(limits.maxChars() * 2L);
    }

    /** The format of {@code bytes}, known by their first bytes. */
    public ReportFormat format(byte[] bytes, String what) {
        if (bytes.length == 0) {
            throw new UnreadableReportException("empty_file", what + " is empty");
        }
        if (bytes.length > limits.maxBytes()) {
            throw new UnreadableReportException(
                    DomainException.Kind.TOO_LARGE,
                    "too_large",
                    what + " is larger than " + limits.maxBytes() / (1024 * 1024) + " MB");
        }
        return ReportFormat.sniff(Arrays.copyOf(bytes, Math.min(bytes.length, 8)))
                .orElseThrow(() -> new UnreadableReportException(
                        "not_pdf_or_word", what + " must be a PDF or a Word (.docx) document"));
    }

    /** The text of a PDF or .docx, within the limits, or an {@link UnreadableReportException}. */
    public ReportText extract(byte[] bytes, String what) {
        ReportFormat format = format(bytes, what);
        long deadline = System.nanoTime() + limits.timeout().toNanos();
        Future<ReportText> reading = workers.submit(() -> read(format, bytes, what));
        try {
            ReportText text = reading.get(limits.timeout().toNanos(), TimeUnit.NANOSECONDS);
            // a read that ended at or after the deadline outlasted the limit too, however the wait was scheduled
            if (System.nanoTime() - deadline >= 0) {
                throw tooSlow(what);
            }
            return text;
        } catch (TimeoutException e) {
            reading.cancel(true);
            throw tooSlow(what);
        } catch (InterruptedException e) {
            reading.cancel(true);
            Thread.currentThread().interrupt();
            throw new UnreadableReportException("unreadable_file", what + " was not read: the server is stopping");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnreadableReportException refused) {
                throw refused;
            }
            throw UnreadableReportException.damaged(what);
        }
    }

    private UnreadableReportException tooSlow(String what) {
        return new UnreadableReportException(
                "unreadable_file",
                what + " took longer than " + limits.timeout().toSeconds() + " s to read");
    }

    private ReportText read(ReportFormat format, byte[] bytes, String what) {
        try {
            return format == ReportFormat.PDF ? pdf(bytes, what) : docx(bytes, what);
        } catch (UnreadableReportException e) {
            throw e;
        } catch (InvalidPasswordException e) {
            throw new UnreadableReportException("encrypted_file", what + " is locked with a password");
        } catch (Exception | StackOverflowError e) {
            // damaged or hostile files fail in many ways inside the parsers: all are the file's fault
            throw UnreadableReportException.damaged(what);
        }
    }

    private ReportText pdf(byte[] bytes, String what) throws IOException {
        try (PDDocument doc = Loader.loadPDF(
                bytes, "", null, null, MemoryUsageSetting.setupMainMemoryOnly(limits.maxBytes() * 4).streamCache)) {
            int pages = doc.getNumberOfPages();
            if (pages > limits.maxPages()) {
                throw new UnreadableReportException(
                        "too_many_pages",
                        what + " has " + pages + " pages; at most " + limits.maxPages() + " are read");
            }
            PDFTextStripper stripper = new PDFTextStripper();
            Budget budget = new Budget(what);
            List<String> out = new ArrayList<>(pages);
            for (int page = 1; page <= pages; page++) {
                budget.checkInterrupted();
                stripper.setStartPage(page);
                stripper.setEndPage(page);
                out.add(budget.take(stripper.getText(doc)));
            }
            return new ReportText(ReportFormat.PDF, out);
        }
    }

    private ReportText docx(byte[] bytes, String what) throws IOException {
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(bytes))) {
            Budget budget = new Budget(what);
            List<String> out = new ArrayList<>();
            for (XWPFHeaderFooter h : doc.getHeaderList()) {
                paragraphs(h.getBodyElements(), out, budget);
            }
            paragraphs(doc.getBodyElements(), out, budget);
            for (XWPFHeaderFooter f : doc.getFooterList()) {
                paragraphs(f.getBodyElements(), out, budget);
            }
            return new ReportText(ReportFormat.DOCX, out);
        }
    }

    private void paragraphs(List<IBodyElement> elements, List<String> out, Budget budget) {
        for (IBodyElement e : elements) {
            budget.checkInterrupted();
            if (e instanceof XWPFParagraph p) {
                if (out.size() >= limits.maxParagraphs()) {
                    throw new UnreadableReportException(
                            "too_many_paragraphs",
                            budget.what + " has more than " + limits.maxParagraphs() + " paragraphs");
                }
                out.add(budget.take(p.getText()));
            } else if (e instanceof XWPFTable t) {
                for (XWPFTableRow row : t.getRows()) {
                    for (XWPFTableCell cell : row.getTableCells()) {
                        paragraphs(cell.getBodyElements(), out, budget);
                    }
                }
            }
        }
    }

    /** The text taken so far, against the limit on characters. */
    private final class Budget {
        private final String what;
        private long chars;

        Budget(String what) {
            this.what = what;
        }

        String take(String text) {
            chars += text.length();
            if (chars > limits.maxChars()) {
                throw new UnreadableReportException(
                        "too_much_text", what + " holds more than " + limits.maxChars() + " characters of text");
            }
            return text;
        }

        void checkInterrupted() {
            if (Thread.currentThread().isInterrupted()) {
                throw new UnreadableReportException("unreadable_file", what + " was abandoned: it took too long");
            }
        }
    }

    @Override
    public void close() {
        workers.shutdownNow();
    }
}
