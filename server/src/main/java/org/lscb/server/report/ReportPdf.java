package org.lscb.server.report;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.DefaultFontMapper;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfTemplate;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.io.ByteArrayOutputStream;
import org.jfree.chart.JFreeChart;

/**
 * A report as a printable PDF (OpenPDF): each section's heading and notes, then each figure's chart, drawn
 * as vectors through OpenPDF's Graphics2D so it prints sharp, and its table with the same counts as the page.
 * OpenPDF rather than PDFBox because it lays out tables and flowing text itself and takes JFreeChart's
 * drawing directly.
 */
public final class ReportPdf {

    private static final Font TITLE = new Font(Font.HELVETICA, 20, Font.BOLD);
    private static final Font HEADING = new Font(Font.HELVETICA, 15, Font.BOLD);
    private static final Font CAPTION = new Font(Font.HELVETICA, 11, Font.BOLD);
    private static final Font BODY = new Font(Font.HELVETICA, 10, Font.NORMAL);
    private static final Font CELL_HEAD = new Font(Font.HELVETICA, 9, Font.BOLD);
    private static final Font CELL = new Font(Font.HELVETICA, 9, Font.NORMAL);

    /** The chart's size on the page, in points: the page's text width, and half of it high. */
    private static final float CHART_WIDTH = 500f;

    private static final float CHART_HEIGHT = 250f;

    private ReportPdf() {}

    public static byte[] of(Report r) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document doc = new Document(PageSize.A4, 48, 48, 48, 48);
        PdfWriter writer = PdfWriter.getInstance(doc, out);
        doc.addTitle(r.title() + ", " + r.yearLabel());
        doc.addAuthor(r.boardName());
        doc.addCreator("LSCB reviews");
        doc.open();
        doc.add(new Paragraph(r.title(), TITLE));
        doc.add(new Paragraph(r.boardName() + ", " + r.yearLabel(), HEADING));
        doc.add(new Paragraph(
                "1 April " + r.from().getYear() + " to 31 March " + r.to().getYear() + ". Figures as at "
                        + ReportDates.day(r.asAt()) + ".",
                BODY));
        for (Section s : r.sections()) {
            Paragraph heading = new Paragraph(s.heading(), HEADING);
            heading.setSpacingBefore(16);
            doc.add(heading);
            for (String note : s.notes()) {
                doc.add(new Paragraph(note, BODY));
            }
            for (Figure f : s.figures()) {
                Paragraph caption = new Paragraph(f.caption(), CAPTION);
                caption.setSpacingBefore(10);
                doc.add(caption);
                if (f.chart() != null) {
                    doc.add(chart(writer, ReportCharts.of(f)));
                }
                doc.add(table(f));
            }
        }
        doc.close();
        return out.toByteArray();
    }

    private static Image chart(PdfWriter writer, JFreeChart chart) {
        PdfContentByte content = writer.getDirectContent();
        PdfTemplate template = content.createTemplate(CHART_WIDTH, CHART_HEIGHT);
        Graphics2D g = template.createGraphics(CHART_WIDTH, CHART_HEIGHT, new DefaultFontMapper());
        try {
            chart.draw(g, new Rectangle2D.Double(0, 0, CHART_WIDTH, CHART_HEIGHT));
        } finally {
            g.dispose();
        }
        Image image = Image.getInstance(template);
        image.setAlignment(Element.ALIGN_CENTER);
        return image;
    }

    private static PdfPTable table(Figure f) {
        PdfPTable t = new PdfPTable(f.columns().size() + 1);
        t.setWidthPercentage(100);
        t.setSpacingBefore(6);
        t.setHeaderRows(1);
        t.addCell(cell(f.rowHeading(), CELL_HEAD, Element.ALIGN_LEFT));
        for (String column : f.columns()) {
            t.addCell(cell(column, CELL_HEAD, Element.ALIGN_RIGHT));
        }
        for (Figure.Row row : f.rows()) {
            Font font = row.total() ? CELL_HEAD : CELL;
            t.addCell(cell(row.label(), font, Element.ALIGN_LEFT));
            for (Count c : row.counts()) {
                t.addCell(cell(c.text(), font, Element.ALIGN_RIGHT));
            }
        }
        return t;
    }

    private static PdfPCell cell(String text, Font font, int align) {
        PdfPCell c = new PdfPCell(new Phrase(new Chunk(text, font)));
        c.setHorizontalAlignment(align);
        c.setBorderColor(new Color(0xb1b4b6));
        c.setPadding(4);
        return c;
    }
}
