package org.lscb.server.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Where callers reach this server from outside, such as {@code https://exchange.example.org} or
 * {@code https://example.org/lscb} behind a TLS proxy ({@code PUBLIC_BASE_URL}). Links the server hands
 * out ({@code Location} headers) are built from it and never from the request's {@code Host} header,
 * which the caller chooses.
 */
public record PublicBaseUrl(URI uri) {

    public PublicBaseUrl {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || !(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null) {
            throw new IllegalArgumentException(
                    "must be an absolute http or https URL such as https://exchange.example.org");
        }
        if (uri.getRawUserInfo() != null || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new IllegalArgumentException("must hold no user name, query or fragment");
        }
    }

    public static PublicBaseUrl parse(String text) {
        try {
            String t = text.strip();
            return new PublicBaseUrl(new URI(t.endsWith("/") ? t.substring(0, t.length() - 1) : t));
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(
                    "must be an absolute http or https URL such as https://exchange.example.org");
        }
    }

    /** The URL with a path-absolute reference ({@code /api/v1/...}) appended to its own path. */
    public URI resolve(String pathAbsolute) {
        return URI.create(uri.toString() + pathAbsolute);
    }
}
