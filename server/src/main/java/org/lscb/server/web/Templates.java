package org.lscb.server.web;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import java.util.Map;

/**
 * The web pages' templates ({@code server/src/main/jte}), compiled to classes at build time by
 * jte-maven-plugin and rendered here with HTML auto-escaping: every {@code ${...}} is escaped for where
 * it stands in the markup (text, attribute, URL), so case data cannot become markup.
 */
public final class Templates {

    private static final TemplateEngine ENGINE = TemplateEngine.createPrecompiled(ContentType.Html);

    private Templates() {}

    /** Renders a template that takes one parameter, such as a component and its options record. */
    public static String render(String template, Object param) {
        StringOutput out = new StringOutput();
        ENGINE.render(template, param, out);
        return out.toString();
    }

    /** Renders a template that takes several parameters, by name. */
    public static String render(String template, Map<String, Object> params) {
        StringOutput out = new StringOutput();
        ENGINE.render(template, params, out);
        return out.toString();
    }
}
