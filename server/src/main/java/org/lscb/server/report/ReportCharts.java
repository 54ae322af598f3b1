package org.lscb.server.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.util.List;
import java.util.stream.IntStream;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.CategoryItemRenderer;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.renderer.category.StackedBarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * A report's figure as a JFreeChart chart, the same chart drawn into the page (SVG) and the PDF. The rows are
 * the categories and the charted columns the series; a suppressed count is left out (no bar, a gap in a
 * line; its row's label ends in [c]), never drawn as a number, and the total row is not charted. Colours are GOV.UK's, in an order whose
 * neighbours differ in lightness as well as hue, so the series can be told apart without colour vision.
 */
public final class ReportCharts {

    /** GOV.UK blue, orange, dark grey, light blue: each neighbour contrasts with the last. */
    static final List<Color> SERIES =
            List.of(new Color(0x1d70b8), new Color(0xf47738), new Color(0x505a5f), new Color(0x5694ca));

    private static final Font FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);

    private ReportCharts() {}

    /** The chart of a figure that has one. */
    public static JFreeChart of(Figure f) {
        Figure.Chart spec = f.chart();
        if (spec == null) {
            throw new IllegalArgumentException("figure " + f.id() + " has no chart");
        }
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (Figure.Row row : f.rows()) {
            if (row.total()) {
                continue;
            }
            // a row with a suppressed count says so by its label, so its missing bar is not read as none
            boolean hidden =
                    spec.columns().stream().anyMatch(i -> row.counts().get(i).suppressed());
            String category = hidden ? row.label() + " " + Count.SUPPRESSED_MARK : row.label();
            for (int column : spec.columns()) {
                Count c = row.counts().get(column);
                data.addValue(c.suppressed() ? null : c.value(), f.columns().get(column), category);
            }
        }
        CategoryAxis categories = new CategoryAxis(f.rowHeading());
        NumberAxis values = new NumberAxis(spec.valueAxis());
        values.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        // from zero, and at least to 5 so that a year of few reviews is not drawn as bars the full width
        values.setRange(0, Math.max(5, Math.ceil(largest(f, spec) * 1.1)));
        CategoryPlot plot = new CategoryPlot(data, categories, values, renderer(spec.kind()));
        plot.setOrientation(spec.kind() == Figure.Kind.LINE ? PlotOrientation.VERTICAL : PlotOrientation.HORIZONTAL);
        plot.setRangeAxisLocation(AxisLocation.BOTTOM_OR_LEFT);
        // long labels ("Hospital or elsewhere in England") wrap rather than end in "..."
        categories.setMaximumCategoryLabelWidthRatio(0.35f);
        categories.setMaximumCategoryLabelLines(3);
        if (spec.kind() == Figure.Kind.LINE) {
            categories.setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        }
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(new Color(0xb1b4b6));
        plot.setOutlineVisible(false);
        for (var axis : List.of(categories, values)) {
            axis.setLabelFont(FONT);
            axis.setTickLabelFont(FONT);
            axis.setTickLabelPaint(new Color(0x0b0c0c));
            axis.setLabelPaint(new Color(0x0b0c0c));
        }
        JFreeChart chart = new JFreeChart(null, FONT, plot, spec.columns().size() > 1);
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
        LegendTitle legend = chart.getLegend();
        if (legend != null) {
            legend.setItemFont(FONT);
            legend.setPosition(RectangleEdge.BOTTOM);
            legend.setFrame(org.jfree.chart.block.BlockBorder.NONE);
        }
        return chart;
    }

    /** The longest bar: the largest count charted, or for stacked bars the largest row's sum. */
    private static double largest(Figure f, Figure.Chart spec) {
        return f.rows().stream()
                .filter(row -> !row.total())
                .mapToInt(row -> {
                    IntStream shown = spec.columns().stream()
                            .map(row.counts()::get)
                            .filter(c -> !c.suppressed())
                            .mapToInt(Count::value);
                    return spec.kind() == Figure.Kind.STACKED_BAR
                            ? shown.sum()
                            : shown.max().orElse(0);
                })
                .max()
                .orElse(0);
    }

    private static CategoryItemRenderer renderer(Figure.Kind kind) {
        CategoryItemRenderer r = switch (kind) {
            case BAR -> new BarRenderer();
            case STACKED_BAR -> new StackedBarRenderer();
            case LINE -> new LineAndShapeRenderer(true, true);
        };
        if (r instanceof BarRenderer bar) {
            bar.setBarPainter(new StandardBarPainter());
            bar.setShadowVisible(false);
            bar.setDrawBarOutline(false);
            bar.setItemMargin(0.05);
        }
        for (int i = 0; i < SERIES.size(); i++) {
            r.setSeriesPaint(i, SERIES.get(i));
            r.setSeriesStroke(i, new BasicStroke(2.5f));
        }
        return r;
    }
}
