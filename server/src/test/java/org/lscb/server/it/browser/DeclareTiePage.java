package org.lscb.server.it.browser;

import java.time.LocalDate;

/** "Declare a tie to an organisation": which organisation, the kind of tie, the role and the dates. */
public final class DeclareTiePage extends FormPage {

    public DeclareTiePage(Browser browser) {
        super(browser);
    }

    public static DeclareTiePage open(Browser browser) {
        browser.go("/profile/affiliations/new");
        return new DeclareTiePage(browser);
    }

    /** {@code kind} as the API names it (EMPLOYMENT...); {@code to} null while the tie lasts. */
    public DeclareTiePage fill(String organisationId, String kind, String role, LocalDate from, LocalDate to) {
        if (organisationId != null) {
            select("organisationId", organisationId);
        }
        choose("kind", kind);
        type("role", role);
        date("from", from);
        if (to != null) {
            date("to", to);
        }
        return this;
    }
}
