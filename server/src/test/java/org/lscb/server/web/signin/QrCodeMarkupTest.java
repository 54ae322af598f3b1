package org.lscb.server.web.signin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/**
 * The QR code the set-up page writes into itself: the SVG that {@code TwoFactorService.start} answers holds
 * nothing the CSP forbids (no style, no script), and anything more than shapes is refused before it is written.
 */
class QrCodeMarkupTest {

    private static final String URI = "otpauth://totp/LSCB%20review%20exchange:j.smith?secret=ABCDEFGHIJKLMNOP"
            + "&issuer=LSCB%20review%20exchange&algorithm=SHA1&digits=6&period=30";

    @Test
    void the_services_qr_code_becomes_labelled_sized_markup_without_style_or_script() throws Exception {
        String markup =
                QrCodeMarkup.of(serviceDataUri(URI), 200, "QR code \"to scan\"").markup();
        assertThat(markup)
                .startsWith(
                        "<svg width=\"200\" height=\"200\" role=\"img\" aria-label=\"QR code &quot;to scan&quot;\" ");
        assertThat(markup).contains("<path").endsWith("</svg>");
        assertThat(markup.toLowerCase()).doesNotContain("style").doesNotContain("script");
    }

    @Test
    void an_svg_with_style_script_or_links_is_refused() {
        for (String svg : new String[] {
            "<svg xmlns=\"http://www.w3.org/2000/svg\"><style>*{}</style></svg>",
            "<svg xmlns=\"http://www.w3.org/2000/svg\"><rect style=\"fill:red\"/></svg>",
            "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>x()</script></svg>",
            "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"x()\"></svg>",
            "<svg xmlns=\"http://www.w3.org/2000/svg\"><a href=\"https://example.org\"/></svg>"
        }) {
            String uri = QrCodeMarkup.PREFIX + Base64.getEncoder().encodeToString(svg.getBytes(StandardCharsets.UTF_8));
            assertThatThrownBy(() -> QrCodeMarkup.of(uri, 200, "QR code"))
                    .as(svg)
                    .isInstanceOf(IllegalStateException.class);
        }
        assertThatThrownBy(() -> QrCodeMarkup.of("data:image/png;base64,AAAA", 200, "QR code"))
                .isInstanceOf(IllegalStateException.class);
    }

    /** What the service answers: QrCodeSvg is its own, package-private; reached here as it is. */
    private static String serviceDataUri(String text) throws Exception {
        Method m = Class.forName("org.lscb.server.auth.QrCodeSvg").getDeclaredMethod("dataUri", String.class);
        m.setAccessible(true);
        return (String) m.invoke(null, text);
    }
}
