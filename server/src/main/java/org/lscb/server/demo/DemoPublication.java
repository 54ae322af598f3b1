package org.lscb.server.demo;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.PdfWriter;
import java.io.ByteArrayOutputStream;
import java.util.List;
import org.lscb.library.PublishedReport;
import org.lscb.server.auth.Caller;
import org.lscb.server.library.PublicationService;

/**
 * The demo's one report in the public library [11]: a short fictional report of the demo SCR "Child A" and the
 * board's response, drawn as PDFs at seeding and published by the officer through {@link PublicationService},
 * so it passes the same personal-data check and is indexed as any report. The text holds no name, address,
 * date or number that the check would find.
 */
final class DemoPublication {

    static final String REVIEW = "NM-SCR-DEMO-01";
    static final String TITLE = "Child A: learning about neglect (fictional demo report)";
    static final List<String> THEMES = List.of("neglect", "parental-substance-misuse");
    static final String AGE_BAND = "1-4";

    static final List<String> REPORT = List.of(
            "Serious case review: Child A",
            "Northmere Local Safeguarding Children Board. This report is fictional: it was written for the"
                    + " demonstration of the review system and describes no real child or family.",
            "Child A was a young child living with a parent who misused alcohol. Several agencies knew of"
                    + " missed health appointments, poor school attendance of an older sibling and calls to the"
                    + " police about the home, but no agency saw the whole picture.",
            "The review found that information about neglect was held separately by each agency and was not"
                    + " brought together at the first strategy discussion. Missed appointments were not followed up.",
            "Recommendations: agencies share what they know at the first strategy discussion; missed health"
                    + " appointments are followed up and shared; assessments of neglect use a recognised tool;"
                    + " schools raise concerns early; the board checks that the learning reaches practice.");

    static final List<String> RESPONSE = List.of(
            "The board's response to the serious case review of Child A",
            "The board accepts every recommendation of the review. Each has become an action of the review's"
                    + " action plan, owned by the agency concerned, and the board follows their progress and reports"
                    + " on it in its annual report.");

    private DemoPublication() {}

    /** Publishes the demo report as {@code officer}, the lead board's officer. */
    static PublishedReport publish(PublicationService publication, Caller officer, String reviewId, int year) {
        return publication.publish(
                officer,
                reviewId,
                new PublicationService.Request(
                        TITLE, THEMES, AGE_BAND, String.valueOf(year), pdf(REPORT), pdf(RESPONSE), List.of(), null));
    }

    /** A PDF of one page: the first paragraph as its heading, the rest as text. */
    static byte[] pdf(List<String> paragraphs) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document doc = new Document(PageSize.A4);
        try {
            PdfWriter.getInstance(doc, out);
            doc.addTitle(paragraphs.get(0));
            doc.open();
            doc.add(new Paragraph(paragraphs.get(0), new Font(Font.HELVETICA, 16, Font.BOLD)));
            for (String p : paragraphs.subList(1, paragraphs.size())) {
                Paragraph para = new Paragraph(p, new Font(Font.HELVETICA, 11));
                para.setSpacingBefore(8);
                doc.add(para);
            }
        } catch (DocumentException e) {
            throw new IllegalStateException("cannot draw the demo report: " + e.getMessage(), e);
        } finally {
            doc.close();
        }
        return out.toByteArray();
    }
}
