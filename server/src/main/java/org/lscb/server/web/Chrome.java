package org.lscb.server.web;

import java.util.List;
import org.lscb.server.web.assets.Assets;

/**
 * What every page's frame shows around its content (the layout template {@code layout/page.jte}): the
 * page title, whether the page reports an error (GOV.UK puts "Error: " before the title then), the
 * navigation for the person signed in, the CSRF token of their session for the sign-out form, and the
 * versioned paths of the static files.
 *
 * @param signedInAs display name of the person signed in, or null on the sign-in and error pages
 */
public record Chrome(
        String title,
        boolean hasError,
        String signedInAs,
        List<Navigation.Item> navigation,
        String csrf,
        Assets assets) {

    /** The text of the HTML title element, as GOV.UK's pattern spells it. */
    public String documentTitle() {
        return (hasError ? "Error: " : "") + title + " – " + SERVICE_NAME;
    }

    public boolean signedIn() {
        return signedInAs != null;
    }

    public String asset(String name) {
        return assets.path(name);
    }

    public static final String SERVICE_NAME = "LSCB review exchange";

    /** For pages seen before signing in, and the error pages. */
    public static Chrome anonymous(String title, boolean hasError, String csrf) {
        return new Chrome(title, hasError, null, List.of(), csrf, Assets.bundled());
    }

    public Chrome withError(boolean error) {
        return new Chrome(title, error, signedInAs, navigation, csrf, assets);
    }
}
