package org.lscb.server.report;

import static java.time.LocalDate.of;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/** One report rendered as the page's SVG charts and as the PDF, with the same figures. */
class ReportRenderingTest {

    private static final Figure FIGURE = new Figure(
            "deaths-expected",
            "Expected and unexpected deaths",
            "Death",
            List.of("Deaths"),
            List.of(
                    new Figure.Row("EXPECTED", "Expected", List.of(Count.hidden()), false),
                    new Figure.Row("UNEXPECTED", "Unexpected", List.of(Count.of(17)), false),
                    new Figure.Row("TOTAL", "All deaths", List.of(Count.of(19)), true)),
            new Figure.Chart(Figure.Kind.BAR, "Deaths", List.of(0)));

    private static final Report REPORT = new Report(
            "cdop-annual",
            "Child Death Overview Panel annual report",
            Reviews.BOARD,
            "North Mercia LSCB",
            2026,
            "2025 to 2026",
            of(2025, 4, 1),
            of(2026, 3, 31),
            of(2026, 3, 31),
            of(2026, 6, 1),
            List.of(new Section(
                    "deaths", "Child deaths notified in 2025 to 2026", List.of("A note."), List.of(FIGURE))));

    @Test
    void theSvgChart_isANamedImageOfShapesAndText_withNoInlineStyleForTheCspToRefuse() {
        String svg = SvgCharts.of(FIGURE);

        assertThat(svg).startsWith("<svg role='img'").contains("aria-label='Chart: Expected and unexpected deaths.");
        assertThat(svg)
                .doesNotContain("style=")
                .contains("fill='rgb(29,112,184)'")
                .contains(">Unexpected</text>");
        // the total row is in the table, not the chart
        assertThat(svg).doesNotContain("All deaths");
    }

    @Test
    void styleAttributes_becomeTheirPresentationAttributes() {
        assertThat(SvgCharts.presentationAttributes(
                        "<text style='fill: rgb(64,64,64); font-family: \"Dialog\"; font-size: 12px;'>x</text>"))
                .isEqualTo("<text fill='rgb(64,64,64)' font-family='Dialog' font-size='12px'>x</text>");
    }

    @Test
    void svgWithScriptLinkOrHandler_isRefused() {
        for (String bad : List.of(
                "<svg ><script>alert(1)</script></svg>",
                "<svg ><a href='x'/></svg>",
                "<svg ><rect onclick='x'/></svg>",
                "<svg style='x'></svg>")) {
            assertThatThrownBy(() -> SvgCharts.check(bad)).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void thePdf_isAPdfWhoseTextHoldsTheSameFigures() throws IOException {
        byte[] pdf = ReportPdf.of(REPORT);

        assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII))
                .isEqualTo("%PDF-");
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text)
                    .contains("Child Death Overview Panel annual report")
                    .contains("North Mercia LSCB, 2025 to 2026")
                    .contains("Unexpected 17")
                    .contains("Expected [c]")
                    .contains("All deaths 19");
        }
    }
}
