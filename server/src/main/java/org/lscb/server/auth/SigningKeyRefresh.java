package org.lscb.server.auth;

import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.util.Base64URL;
import jakarta.inject.Inject;
import jakarta.servlet.ServletRequestEvent;
import jakarta.servlet.ServletRequestListener;
import jakarta.servlet.http.HttpServletRequest;
import java.text.ParseException;
import org.lscb.server.config.ServerConfig;

/**
 * Lets a server accept tokens signed by a key another server of the database has just made
 * ({@code POST /api/v1/admin/signing-keys/rotation}): when a bearer token names a key id this server does not
 * know, the keys are re-read from the database (at most once every {@link TokenSigningKeys#REFRESH_INTERVAL}).
 * A request listener, because the container hears of a request before it authenticates it, while a filter would
 * run after MicroProfile JWT had already refused the token.
 */
public class SigningKeyRefresh implements ServletRequestListener {

    /** A JOSE header is a few hundred characters; anything much longer is not one of ours and is not parsed. */
    private static final int MAX_HEADER_CHARS = 2048;

    @Inject
    TokenSigningKeys keys;

    @Inject
    ServerConfig config;

    @Override
    public void requestInitialized(ServletRequestEvent event) {
        if (!(event.getServletRequest() instanceof HttpServletRequest request) || config.externalIssuer()) {
            return;
        }
        String authorization = request.getHeader("Authorization");
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return;
        }
        String token = authorization.substring(7).strip();
        int dot = token.indexOf('.');
        if (dot <= 0 || dot > MAX_HEADER_CHARS) {
            return;
        }
        String keyId;
        try {
            keyId = JWSHeader.parse(new Base64URL(token.substring(0, dot))).getKeyID();
        } catch (ParseException | RuntimeException e) {
            return; // not a JWS: MicroProfile JWT refuses it
        }
        if (keyId != null) {
            keys.refreshFor(keyId);
        }
    }
}
