package org.lscb.server.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;

/**
 * Why the token check most likely refused a bearer token, for the log line and the audit entry. MicroProfile
 * JWT does not say; this reads the token again without trusting it: not a signed JWT at all, another issuer,
 * a signature none of this server's keys made (only when this server issues the tokens), expired, or else
 * some other claim the check did not accept (audience, not-before, algorithm).
 */
public enum TokenRejection {
    NOT_A_JWT("not a signed JWT"),
    WRONG_ISSUER("issued by someone else"),
    BAD_SIGNATURE("signature not made by this server's keys"),
    EXPIRED("expired"),
    NOT_ACCEPTED("a claim was not accepted");

    private final String sentence;

    TokenRejection(String sentence) {
        this.sentence = sentence;
    }

    public String sentence() {
        return sentence;
    }

    /**
     * @param issuer the issuer the check expects, or empty when an external provider issues the tokens
     * @param keys this server's public signing keys, or empty when an external provider issues the tokens
     */
    public static TokenRejection of(String token, Optional<String> issuer, Optional<JWKSet> keys, Instant now) {
        SignedJWT jwt;
        Date expires;
        String tokenIssuer;
        try {
            jwt = SignedJWT.parse(token);
            expires = jwt.getJWTClaimsSet().getExpirationTime();
            tokenIssuer = jwt.getJWTClaimsSet().getIssuer();
        } catch (ParseException e) {
            return NOT_A_JWT;
        }
        if (issuer.isPresent() && !issuer.get().equals(tokenIssuer)) {
            return WRONG_ISSUER;
        }
        if (keys.isPresent() && !signedBy(jwt, keys.get())) {
            return BAD_SIGNATURE;
        }
        if (expires != null && !now.isBefore(expires.toInstant())) {
            return EXPIRED;
        }
        return NOT_ACCEPTED;
    }

    private static boolean signedBy(SignedJWT jwt, JWKSet keys) {
        JWK key = jwt.getHeader().getKeyID() == null
                ? null
                : keys.getKeyByKeyId(jwt.getHeader().getKeyID());
        if (!(key instanceof RSAKey rsa)) {
            return false;
        }
        try {
            return jwt.verify(new RSASSAVerifier(rsa));
        } catch (JOSEException e) {
            return false;
        }
    }
}
