package org.lscb.server.web.component;

import gg.jte.Content;
import gg.jte.TemplateOutput;
import gg.jte.html.OwaspHtmlTemplateOutput;
import gg.jte.output.StringOutput;
import java.util.Objects;

/**
 * Markup written into a page unescaped, for the options GOV.UK calls {@code html}. Only markup rendered by
 * our own templates and components goes here (such as {@link #of(Content)} of a JTE content block), never
 * text from a request, the database or another system: that is {@link TextOrHtml#text(String)}.
 */
public record Html(String markup) implements TextOrHtml {

    public Html {
        Objects.requireNonNull(markup, "markup");
    }

    /** Renders a JTE content block, such as {@code @`...`} in a template, to markup held for later. */
    public static Html of(Content content) {
        StringOutput out = new StringOutput();
        content.writeTo(new OwaspHtmlTemplateOutput(out));
        return new Html(out.toString());
    }

    @Override
    public void writeTo(TemplateOutput output) {
        output.writeContent(markup);
    }

    @Override
    public boolean isEmptyContent() {
        return markup.isBlank();
    }

    @Override
    public String toString() {
        return markup;
    }
}
