package org.lscb.server.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.util.List;
import org.jfree.chart.JFreeChart;
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
 * line), never drawn as a number, and the total row is not charted. Colours are GOV.UK's, in an order whose
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
            for (int column : spec.columns()) {
                Count c = row.counts().get(column);
                data.addValue(c.suppressed() ? null : c.value(), f.columns().get(column), row.label());
            }
        }
        CategoryAxis categories = new CategoryAxis(f.rowHeading());
        NumberAxis values = new NumberAxis(spec.valueAxis());
        values.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        values.setLowerBound(0);
        values.setAutoRangeMinimumSize(5);
        CategoryPlot plot = new CategoryPlot(data, categories, values, renderer(spec.kind()));
        plot.setOrientation(spec.kind() == Figure.Kind.LINE ? PlotOrientation.VERTICAL : PlotOrientation.HORIZONTAL);
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
