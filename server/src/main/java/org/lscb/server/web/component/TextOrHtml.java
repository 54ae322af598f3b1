package org.lscb.server.web.component;

import gg.jte.Content;
import gg.jte.TemplateOutput;
import gg.jte.html.HtmlTemplateOutput;

/**
 * The content of a GOV.UK option that takes either {@code text} (escaped where it is written) or {@code html}
 * (markup written as it is, see {@link Html}); components render it with {@code ${...}}.
 */
public sealed interface TextOrHtml extends Content permits TextOrHtml.Text, Html {

    /** Text, escaped for where it is written: case data is always text. */
    static TextOrHtml text(String text) {
        return text == null ? null : new Text(text);
    }

    /** Markup from our own templates; see {@link Html} for what may go there. */
    static TextOrHtml html(String markup) {
        return markup == null ? null : new Html(markup);
    }

    /** Text that JTE escapes for the context it is written in. */
    record Text(String value) implements TextOrHtml {

        @Override
        public void writeTo(TemplateOutput output) {
            if (output instanceof HtmlTemplateOutput) {
                output.writeUserContent(value);
            } else {
                // an output that does not escape (a plain StringOutput) still gets escaped text
                output.writeContent(Attributes.escape(value));
            }
        }

        @Override
        public String toString() {
            return value;
        }
    }
}
