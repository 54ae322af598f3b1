package org.lscb.server.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One view of the RSA keys that sign this deployment's tokens and audit checkpoints: the first key signs, the
 * others are published so that what they signed still verifies. The keys themselves live in the database
 * ({@link TokenSigningKeys}); a view is immutable, and a new one is {@linkplain #install installed} when the set
 * changes, for MicroProfile JWT to read through {@link LocalIssuerConfigSource}, which is not a CDI bean.
 */
public final class SigningKeys {

    /** RS256 with 2048-bit keys, the JWT norm; tokens live minutes and keys can be rotated. */
    static final int KEY_BITS = 2048;

    private static volatile SigningKeys installed;

    private final JWKSet keys;
    /** The public set as JSON, asked for by MicroProfile JWT on every request: made once per view. */
    private final String publicJson;

    private final Set<String> ids;

    SigningKeys(List<JWK> keys) {
        if (keys.isEmpty() || !(keys.get(0) instanceof RSAKey first) || !first.isPrivate()) {
            throw new IllegalArgumentException("the first token signing key must be a private RSA key");
        }
        this.keys = new JWKSet(keys);
        this.publicJson = this.keys.toPublicJWKSet().toString();
        this.ids = keys.stream().map(JWK::getKeyID).collect(Collectors.toUnmodifiableSet());
    }

    /** The view installed last, or {@code null} before the keys were first loaded. */
    static SigningKeys installed() {
        return installed;
    }

    static void install(SigningKeys keys) {
        installed = keys;
    }

    public RSAKey current() {
        return (RSAKey) keys.getKeys().get(0);
    }

    public JWKSet publicKeys() {
        return keys.toPublicJWKSet();
    }

    public String publicKeysJson() {
        return publicJson;
    }

    /** Whether a key of this id is in this view. */
    public boolean knows(String keyId) {
        return ids.contains(keyId);
    }

    public Set<String> keyIds() {
        return ids;
    }

    static RSAKey generate(Instant now) {
        try {
            return new RSAKeyGenerator(KEY_BITS)
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256)
                    .keyIDFromThumbprint(true)
                    .issueTime(java.util.Date.from(now))
                    .generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot generate an RSA signing key", e);
        }
    }
}
