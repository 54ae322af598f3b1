package org.lscb.server.web.component;

/** GOV.UK Frontend's tag: a short status label, coloured by a modifier class such as {@code govuk-tag--red}. */
public record Tag(String text, String classes) {

    public static Tag of(String text) {
        return new Tag(text, null);
    }
}
