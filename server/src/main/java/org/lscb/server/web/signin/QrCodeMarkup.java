package org.lscb.server.web.signin;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import org.lscb.server.web.component.Html;

/**
 * The QR code that {@link org.lscb.server.auth.TwoFactorService#start} answers as an SVG {@code data:} URI,
 * as SVG markup to write into the set-up page. The CSP (docs/security.md, {@code img-src 'self'}) refuses a
 * {@code data:} image, while markup in the page is ours: the SVG is one rectangle and one path drawn with
 * presentation attributes, no {@code style} and no script, and is checked to stay so before it is written.
 * It gets a size and a text alternative here, for the page's layout and for screen readers.
 */
final class QrCodeMarkup {

    static final String PREFIX = "data:image/svg+xml;base64,";

    private QrCodeMarkup() {}

    /** The SVG markup of the data URI, sized {@code size} pixels, labelled {@code label}. */
    static Html of(String dataUri, int size, String label) {
        if (dataUri == null || !dataUri.startsWith(PREFIX)) {
            throw new IllegalStateException("the QR code is not an SVG data URI");
        }
        String svg = new String(Base64.getDecoder().decode(dataUri.substring(PREFIX.length())), StandardCharsets.UTF_8);
        check(svg);
        String attributes = "<svg width=\"" + size + "\" height=\"" + size + "\" role=\"img\" aria-label=\""
                + label.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;") + "\" ";
        return new Html(attributes + svg.substring("<svg ".length()));
    }

    /** Only what QR codes are drawn with: no style, no script, no event handler, no link, no foreign content. */
    static void check(String svg) {
        String lower = svg.toLowerCase(Locale.ROOT);
        if (!lower.startsWith("<svg ")
                || lower.contains("style")
                || lower.contains("script")
                || lower.contains(" on")
                || lower.contains("href")
                || lower.contains("foreignobject")
                || lower.contains("<!")
                || lower.contains("<?")) {
            throw new IllegalStateException("the QR code's SVG holds more than shapes");
        }
    }
}
