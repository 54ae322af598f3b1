package org.lscb.server.http;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.lscb.server.config.PublicBaseUrl;
import org.lscb.server.config.ServerConfig;

/**
 * Builds the {@code Location} of an object a request created, for {@code 201 Created} answers: the
 * configured {@link PublicBaseUrl} followed by the API path, or the path alone
 * ({@code /api/v1/reviews/<id>}) when none is configured. Never from the request's {@code Host} header.
 * JAX-RS would resolve a relative Location against the request, Host and all; {@code RestApplication}
 * turns that off, so what is built here is what is sent.
 */
@ApplicationScoped
public class PublicLocations {

    static final String API_ROOT = "/api/v1";

    private Optional<PublicBaseUrl> base;

    protected PublicLocations() {}

    @Inject
    public PublicLocations(ServerConfig config) {
        this(config.publicBaseUrl());
    }

    PublicLocations(Optional<PublicBaseUrl> base) {
        this.base = base;
    }

    /** The location of the API object named by these path segments, each escaped as one segment: {@code of("reviews", id)}. */
    public URI of(String... segments) {
        StringBuilder path = new StringBuilder(API_ROOT);
        for (String segment : segments) {
            path.append('/').append(escape(segment));
        }
        return base.map(b -> b.resolve(path.toString())).orElseGet(() -> URI.create(path.toString()));
    }

    /** Percent-encodes all but RFC 3986's unreserved characters, so that a segment stays one segment. */
    static String escape(String segment) {
        StringBuilder out = new StringBuilder(segment.length());
        for (byte b : segment.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (c >= 'a' && c <= 'z'
                    || c >= 'A' && c <= 'Z'
                    || c >= '0' && c <= '9'
                    || c == '-'
                    || c == '.'
                    || c == '_'
                    || c == '~') {
                out.append(c);
            } else {
                out.append('%')
                        .append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }
}
