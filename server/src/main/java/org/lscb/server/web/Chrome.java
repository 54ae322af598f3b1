package org.lscb.server.web;

import java.util.List;
import org.lscb.server.web.assets.Assets;
import org.lscb.server.web.component.Button;
import org.lscb.server.web.component.Footer;
import org.lscb.server.web.component.ServiceNavigation;
import org.lscb.server.web.component.SkipLink;
import org.lscb.server.web.component.TextOrHtml;

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
        Assets assets,
        List<String> scripts) {

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

    /** The Subresource Integrity value of a static file, for the element that names it. */
    public String integrity(String name) {
        return assets.integrity(name);
    }

    /** The import map that binds every module a script imports to its digest (see {@link Assets#importMap()}). */
    public String importMap() {
        return assets.importMap();
    }

    /** The same frame with the page's own module scripts, such as the one that seals a document in the browser. */
    public Chrome withScripts(String... names) {
        return new Chrome(title, hasError, signedInAs, navigation, csrf, assets, List.of(names));
    }

    public static final String SERVICE_NAME = "LSCB review exchange";

    /**
     * The band at the top of every page: the service's name and the navigation. GOV.UK's header (with the
     * crown) is for services on gov.uk only; the service navigation component stands alone here.
     */
    public ServiceNavigation serviceNavigation() {
        return ServiceNavigation.of(
                SERVICE_NAME,
                "/",
                navigation.stream()
                        .map(i -> ServiceNavigation.Item.of(i.text(), i.href(), i.active()))
                        .toArray(ServiceNavigation.Item[]::new));
    }

    /** The footer: what the service is, without GOV.UK's licence or crest. */
    public Footer footer() {
        return new Footer(
                new Footer.Meta(
                        List.of(),
                        null,
                        TextOrHtml.text(SERVICE_NAME + ": the secure exchange and reviewer register of Local"
                                + " Safeguarding Children Boards. Documents are encrypted on your own computer;"
                                + " this service cannot read them.")),
                null,
                null,
                null);
    }

    public SkipLink skipLink() {
        return SkipLink.toMainContent();
    }

    public Button signOutButton() {
        return Button.submit("Sign out")
                .withClasses("govuk-button--secondary govuk-!-margin-bottom-0 govuk-!-margin-left-2");
    }

    /** For pages seen before signing in, and the error pages. */
    public static Chrome anonymous(String title, boolean hasError, String csrf) {
        return new Chrome(title, hasError, null, List.of(), csrf, Assets.bundled(), List.of());
    }

    public Chrome withError(boolean error) {
        return new Chrome(title, error, signedInAs, navigation, csrf, assets, scripts);
    }
}
