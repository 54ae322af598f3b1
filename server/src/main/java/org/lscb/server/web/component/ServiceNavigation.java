package org.lscb.server.web.component;

import java.util.List;
import java.util.Map;

/**
 * GOV.UK Frontend's service navigation, the site header of this service: its name, linking home, and the
 * sections of the service. GOV.UK's header with the crown is not used, as the service is not on GOV.UK.
 */
public record ServiceNavigation(
        String serviceName,
        String serviceUrl,
        List<Item> navigation,
        String navigationLabel,
        String navigationId,
        String navigationClasses,
        String menuButtonText,
        String menuButtonLabel,
        Boolean collapseNavigationOnMobile,
        String ariaLabel,
        String classes,
        Map<String, String> attributes) {

    public ServiceNavigation {
        navigation = navigation == null ? List.of() : List.copyOf(navigation);
    }

    /** A section; {@code active} when the page is within it, {@code current} when it is its page. */
    public record Item(TextOrHtml text, String href, boolean active, boolean current, Map<String, String> attributes) {

        public static Item of(String text, String href, boolean active) {
            return new Item(TextOrHtml.text(text), href, active, false, null);
        }

        public boolean highlighted() {
            return active || current;
        }

        /** {@code aria-current}: "page" on the section's own page, "true" within it. */
        public String ariaCurrent() {
            return current ? "page" : active ? "true" : null;
        }
    }

    public static ServiceNavigation of(String serviceName, String serviceUrl, Item... navigation) {
        return new ServiceNavigation(
                serviceName, serviceUrl, List.of(navigation), null, null, null, null, null, null, null, null, null);
    }

    public String buttonText() {
        return menuButtonText != null ? menuButtonText : "Menu";
    }

    public String shownNavigationId() {
        return navigationId != null ? navigationId : "navigation";
    }

    public boolean collapsesOnMobile() {
        return collapseNavigationOnMobile != null ? collapseNavigationOnMobile : navigation.size() > 1;
    }

    /** The menu button's label, when it differs from its text. */
    public String buttonLabel() {
        return menuButtonLabel != null && !menuButtonLabel.equals(buttonText()) ? menuButtonLabel : null;
    }
}
