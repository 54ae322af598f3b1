package org.lscb.server.auth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Spares a bearer token presented again the cost of MicroProfile JWT's verification. Payara's
 * {@code JWTAuthenticationMechanism} hands each request's token to the identity stores in priority order; this
 * store comes first. It answers a token it has seen verified from {@link VerifiedTokens}, and otherwise asks
 * Payara's own {@code SignedJWTIdentityStore} (every check of MicroProfile JWT: signature, issuer, audience,
 * times, algorithm) and keeps a valid answer. A refused token is answered "not validated", so that Payara's store
 * refuses it in its usual way and {@link InvalidTokenAudit} reports it: a refused token is thus checked twice, the
 * price of leaving the refusal and its audit to Payara.
 *
 * <p>The cache holds an answer no longer than the token's expiry or {@link #MAX_AGE}, and forgets every answer
 * when the trusted keys change. Only this server's own keys are cached against ({@code mp.jwt.verify.publickey},
 * which {@link LocalIssuerConfigSource} fills from {@link SigningKeys}): an external issuer's keys are read from
 * {@code mp.jwt.verify.publickey.location}, whose address stays the same when the issuer removes a key, so its
 * tokens are verified on every request. The account is still looked up on every request
 * ({@link AccountLookupFilter}).
 */
@ApplicationScoped
public class VerifiedTokenStore implements IdentityStore {

    /** Ahead of Payara's store, which has the default priority (100). */
    static final int PRIORITY = 10;
    /** How long an answer is kept at most, even for a token that lives longer (an external issuer's). */
    static final Duration MAX_AGE = Duration.ofMinutes(5);
    /** Tokens kept at most: a few hundred bytes each, for far more callers than one node serves at once. */
    static final int MAX_ENTRIES = 10_000;

    private static final String PAYARA_CREDENTIAL = "fish.payara.microprofile.jwtauth.eesecurity.SignedJWTCredential";
    private static final String PAYARA_STORE = "fish.payara.microprofile.jwtauth.eesecurity.SignedJWTIdentityStore";

    private final VerifiedTokens<CredentialValidationResult> verified =
            new VerifiedTokens<>(Clock.systemUTC(), MAX_AGE, MAX_ENTRIES);

    @Inject
    BeanManager beans;

    @Inject
    Config config;

    private volatile IdentityStore payara;
    private volatile Method tokenOf;

    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (!PAYARA_CREDENTIAL.equals(credential.getClass().getName())) {
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
        String token = token(credential);
        IdentityStore store = payaraStore();
        if (token == null || store == null) {
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
        Optional<String> keys = cacheableKeys(
                config.getOptionalValue(LocalIssuerConfigSource.PUBLIC_KEY, String.class),
                config.getOptionalValue(LocalIssuerConfigSource.LOCATION, String.class));
        Optional<CredentialValidationResult> known = keys.flatMap(k -> verified.find(token, k));
        if (known.isPresent()) {
            return known.get();
        }
        CredentialValidationResult result = store.validate(credential);
        if (result.getStatus() != CredentialValidationResult.Status.VALID
                || !(result.getCallerPrincipal() instanceof JsonWebToken jwt)) {
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
        if (keys.isPresent() && jwt.getExpirationTime() > 0) {
            verified.remember(token, result, Instant.ofEpochSecond(jwt.getExpirationTime()), keys.get());
        }
        return result;
    }

    @Override
    public int priority() {
        return PRIORITY;
    }

    /**
     * The keys a verified answer is kept against: this server's own public keys, as Config gives them to Payara's
     * store; empty (nothing kept) when the keys are read from a location, whose content may change under the same
     * address.
     */
    static Optional<String> cacheableKeys(Optional<String> publicKeys, Optional<String> location) {
        return location.isPresent() ? Optional.empty() : publicKeys;
    }

    private String token(Credential credential) {
        try {
            Method m = tokenOf;
            if (m == null) {
                m = credential.getClass().getMethod("getSignedJWT");
                tokenOf = m;
            }
            return m.invoke(credential) instanceof String s ? s : null;
        } catch (ReflectiveOperationException e) {
            return null;
        }
    }

    private IdentityStore payaraStore() {
        IdentityStore store = payara;
        if (store == null) {
            for (Bean<?> bean : beans.getBeans(IdentityStore.class)) {
                if (bean.getTypes().stream().map(Type::getTypeName).anyMatch(PAYARA_STORE::equals)) {
                    store = (IdentityStore)
                            beans.getReference(bean, IdentityStore.class, beans.createCreationalContext(bean));
                    payara = store;
                    break;
                }
            }
        }
        return store;
    }
}
