package org.lscb.server.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.UUID;
import org.lscb.identity.account.Account;
import org.lscb.identity.account.Role;
import org.lscb.server.config.ServerConfig;

/** Issues short-lived RS256 tokens in the shape MicroProfile JWT verifies ({@code upn}, {@code groups}). */
@ApplicationScoped
public class TokenIssuer {

    private ServerConfig config;
    private TokenSigningKeys keys;
    private Clock clock;

    protected TokenIssuer() {}

    @Inject
    public TokenIssuer(ServerConfig config, TokenSigningKeys keys) {
        this.config = config;
        this.keys = keys;
        this.clock = Clock.systemUTC();
    }

    /**
     * The only group of a token issued to someone who must set up two-factor sign-in before anything else:
     * every endpoint but the enrolment ones refuses it, because none lists this group.
     */
    public static final String ENROLMENT_GROUP = "TOTP_ENROLMENT";
    /** How long a person has to set up two-factor sign-in with the token their password gave them. */
    static final java.time.Duration ENROLMENT_LIFETIME = java.time.Duration.ofMinutes(10);

    public IssuedToken issue(Account account) {
        return issue(account, account.roles().stream().map(Role::name).sorted().toList(), config.tokenLifetime());
    }

    /**
     * How long a token given to a signed-in page's scripts lasts: short, because signing out cannot take back a
     * bearer token already given, and the scripts ask for another when one is about to end.
     */
    static final java.time.Duration BROWSER_LIFETIME = java.time.Duration.ofMinutes(5);

    /** A token for the scripts of a signed-in browser session ({@code POST /session/api-token}). */
    public IssuedToken issueForBrowser(Account account) {
        java.time.Duration lifetime =
                BROWSER_LIFETIME.compareTo(config.tokenLifetime()) < 0 ? BROWSER_LIFETIME : config.tokenLifetime();
        return issue(account, account.roles().stream().map(Role::name).sorted().toList(), lifetime);
    }

    /** A token that can only set up two-factor sign-in (see {@link #ENROLMENT_GROUP}). */
    public IssuedToken issueForEnrolment(Account account) {
        java.time.Duration lifetime =
                ENROLMENT_LIFETIME.compareTo(config.tokenLifetime()) < 0 ? ENROLMENT_LIFETIME : config.tokenLifetime();
        return issue(account, java.util.List.of(ENROLMENT_GROUP), lifetime);
    }

    private IssuedToken issue(Account account, java.util.List<String> groups, java.time.Duration lifetime) {
        Instant now = clock.instant();
        Instant expires = now.plus(lifetime);
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(config.tokenIssuer())
                .subject(account.id())
                .audience("lscb")
                .claim("upn", account.username().value())
                .claim("preferred_username", account.username().value())
                .claim("groups", groups)
                .claim("org", account.organisationId())
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(expires))
                .jwtID(UUID.randomUUID().toString())
                .build();
        return new IssuedToken(sign(claims), lifetime.toSeconds());
    }

    /** Signs any claims with the current key; used for audit checkpoints too. */
    public String sign(JWTClaimsSet claims) {
        RSAKey key = keys.keys().current();
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.RS256)
                .type(JOSEObjectType.JWT)
                .keyID(key.getKeyID())
                .build();
        SignedJWT jwt = new SignedJWT(header, claims);
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign with the token key", e);
        }
        return jwt.serialize();
    }

    public Map<String, Object> publicKeys() {
        return keys.keys().publicKeys().toJSONObject();
    }

    public record IssuedToken(String value, long expiresInSeconds) {}
}
