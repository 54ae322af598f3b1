package org.lscb.server.report;

import java.awt.Rectangle;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jfree.chart.JFreeChart;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.ViewBox;

/**
 * A report's chart as SVG markup to write into its page (JFreeSVG): crisp at any size and drawn with no
 * JavaScript. The page's CSP ({@code style-src 'self'}, docs/security.md) refuses inline {@code style}
 * attributes, so JFreeSVG's are rewritten as the SVG presentation attributes they stand for; the markup is then
 * checked to hold shapes and text only, no style, script, link or foreign content. It is an image with a name
 * ({@code role="img"}); the figure's table beside it is its text alternative.
 */
public final class SvgCharts {

    public static final int WIDTH = 640;
    public static final int HEIGHT = 320;

    private static final Pattern STYLE = Pattern.compile("style='([^']*)'");
    private static final Pattern DECLARATION = Pattern.compile("\\s*([a-z-]+)\\s*:\\s*([^;]+?)\\s*(?:;|$)");
    private static final Pattern EVENT_HANDLER = Pattern.compile("\\son[a-z]+\\s*=");

    private SvgCharts() {}

    /** The figure's chart as inline SVG, scaled to its container by its view box. */
    public static String of(Figure f) {
        JFreeChart chart = ReportCharts.of(f);
        SVGGraphics2D g = new SVGGraphics2D(WIDTH, HEIGHT);
        g.setDefsKeyPrefix(f.id() + "-");
        chart.draw(g, new Rectangle(0, 0, WIDTH, HEIGHT));
        String svg = g.getSVGElement(f.id() + "-chart", false, new ViewBox(0, 0, WIDTH, HEIGHT), null, null);
        if (!svg.startsWith("<svg ")) {
            throw new IllegalStateException("JFreeSVG wrote no svg element");
        }
        String named = "<svg role='img' focusable='false' aria-label='"
                + attribute("Chart: " + f.caption() + ". The table gives its figures.") + "' "
                + svg.substring("<svg ".length());
        String markup = presentationAttributes(named);
        check(markup);
        return markup;
    }

    /** Each {@code style='a:b;c:d'} as {@code a='b' c='d'}: the same drawing, without inline CSS. */
    static String presentationAttributes(String svg) {
        Matcher m = STYLE.matcher(svg);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            StringBuilder attrs = new StringBuilder();
            Matcher d = DECLARATION.matcher(m.group(1));
            while (d.find()) {
                if (attrs.length() > 0) {
                    attrs.append(' ');
                }
                String value = d.group(2).replace("\"", "").replace("'", "");
                attrs.append(d.group(1)).append("='").append(attribute(value)).append('\'');
            }
            m.appendReplacement(out, Matcher.quoteReplacement(attrs.toString()));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** Shapes and text only: no style, script, event handler, link or foreign content. */
    static void check(String svg) {
        String lower = svg.toLowerCase(Locale.ROOT);
        if (!lower.startsWith("<svg ")
                || lower.contains("style=")
                || lower.contains("<style")
                || lower.contains("<script")
                || lower.contains("href")
                || lower.contains("foreignobject")
                || lower.contains("<image")
                || lower.contains("<!")
                || lower.contains("<?")
                || EVENT_HANDLER.matcher(lower).find()) {
            throw new IllegalStateException("the chart's SVG holds more than shapes and text");
        }
    }

    private static String attribute(String s) {
        return s.replace("&", "&amp;")
                .replace("'", "&#39;")
                .replace("<", "&lt;")
                .replace("\"", "&quot;");
    }
}
