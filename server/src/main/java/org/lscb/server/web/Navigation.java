package org.lscb.server.web;

import java.util.ArrayList;
import java.util.List;
import org.lscb.identity.account.Role;
import org.lscb.server.auth.Caller;

/**
 * The service navigation a person sees: only the sections their roles can use, so that nobody is shown a
 * link to a page that would refuse them. Whether a section refuses is still each page's own check.
 */
public final class Navigation {

    /** One link of the navigation band; {@code section} marks it current on the pages of that section. */
    public record Item(String text, String href, String section, boolean active) {}

    private Navigation() {}

    public static List<Item> forCaller(Caller c, String activeSection) {
        List<Item> items = new ArrayList<>();
        items.add(item("Reviews", "/", "reviews", activeSection));
        if (c.has(Role.LSCB_OFFICER) || c.has(Role.ADMIN)) {
            items.add(item("Reviewers", "/reviewers", "reviewers", activeSection));
        }
        if (c.has(Role.REVIEWER)) {
            items.add(item("Your profile", "/profile", "profile", activeSection));
        }
        if (!c.has(Role.ADMIN) || c.roles().size() > 1) {
            items.add(item("Inbox", "/inbox", "inbox", activeSection));
        }
        if (c.has(Role.AGENCY_USER)) {
            items.add(item("Asked of you", "/requests", "requests", activeSection));
        }
        if (c.has(Role.LSCB_OFFICER) || c.has(Role.LSCB_CHAIR) || c.has(Role.AGENCY_USER)) {
            items.add(item("Actions", "/actions", "actions", activeSection));
        }
        if (c.has(Role.AGENCY_USER)
                || c.has(Role.PAEDIATRICIAN)
                || c.has(Role.LSCB_OFFICER)
                || c.has(Role.REVIEWER)
                || c.has(Role.CORONER)) {
            items.add(item("Sent documents", "/documents", "documents", activeSection));
        }
        if (c.has(Role.LSCB_OFFICER) || c.has(Role.LSCB_CHAIR) || c.has(Role.CDOP_MEMBER)) {
            items.add(item("Annual reports", "/reports", "reports", activeSection));
        }
        items.add(item("Your keys", "/keys", "keys", activeSection));
        if (c.has(Role.ADMIN) || c.has(Role.LSCB_OFFICER)) {
            items.add(item("Administration", "/admin", "admin", activeSection));
        }
        return List.copyOf(items);
    }

    private static Item item(String text, String href, String section, String active) {
        return new Item(text, href, section, section.equals(active));
    }
}
