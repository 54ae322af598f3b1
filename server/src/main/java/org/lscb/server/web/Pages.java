package org.lscb.server.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lscb.server.auth.Caller;
import org.lscb.server.web.assets.Assets;
import org.lscb.server.web.session.SignedIn;

/**
 * What page resources share: the frame of a signed-in person's page, rendering a page template into a
 * response, and the redirect after a successful post (POST, redirect, GET), so that reloading a page
 * never posts a form twice.
 */
@RequestScoped
public class Pages {

    public static final MediaType HTML = MediaType.TEXT_HTML_TYPE.withCharset("UTF-8");

    private SignedIn signedIn;

    protected Pages() {}

    @Inject
    public Pages(SignedIn signedIn) {
        this.signedIn = signedIn;
    }

    /** The frame of a page for the person signed in; {@code section} is the navigation item to mark current. */
    public Chrome chrome(String title, String section) {
        Caller c = signedIn.caller();
        return new Chrome(
                title,
                false,
                c.displayName(),
                Navigation.forCaller(c, section),
                signedIn.csrfToken(),
                Assets.bundled(),
                List.of());
    }

    /** 200 with a page: {@code template} takes the chrome as {@code chrome} and the rest by name. */
    public static Response page(String template, Chrome chrome, Map<String, Object> params) {
        return page(200, template, chrome, params);
    }

    public static Response page(int status, String template, Chrome chrome, Map<String, Object> params) {
        Map<String, Object> all = new LinkedHashMap<>(params);
        all.put("chrome", chrome);
        return Response.status(status)
                .type(HTML)
                .entity(Templates.render(template, all))
                .build();
    }

    /** A value for a query string. */
    public static String encode(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** 303 to a page of this service after a post that changed something. */
    public static Response seeOther(String path) {
        return Response.seeOther(URI.create(path)).build();
    }
}
