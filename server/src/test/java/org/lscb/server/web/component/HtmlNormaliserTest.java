package org.lscb.server.web.component;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The fixtures' comparison is only as strict as the normaliser: it forgives layout, not markup. */
class HtmlNormaliserTest {

    @Test
    void forgivesIndentationAndTheWayQuotesInTextAreEscaped() {
        assertThat(HtmlNormaliser.normalise("<p class=\"a\">\n  Say &#34;yes&#34;\n</p>\n"))
                .isEqualTo(HtmlNormaliser.normalise("<p class=\"a\">Say \"yes\"</p>"));
    }

    @Test
    void comparesAttributesTheirOrderAndText() {
        String html = "<a class=\"govuk-link\" href=\"#\">Change</a>";
        assertThat(HtmlNormaliser.normalise(html))
                .isNotEqualTo(HtmlNormaliser.normalise("<a href=\"#\" class=\"govuk-link\">Change</a>"))
                .isNotEqualTo(HtmlNormaliser.normalise("<a class=\"govuk-link\" href=\"#x\">Change</a>"))
                .isNotEqualTo(HtmlNormaliser.normalise("<a class=\"govuk-link\" href=\"#\">change</a>"))
                .isNotEqualTo(HtmlNormaliser.normalise("<a class=\"govuk-link\" href=\"#\">&lt;b&gt;Change</a>"));
    }
}
