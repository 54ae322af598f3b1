package org.lscb.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TokenRejectionTest {

    private static final String ISSUER = "urn:lscb:exchange";
    private static final Instant NOW = Instant.parse("2030-06-01T12:00:00Z");
    private static RSAKey ours;
    private static RSAKey stranger;

    @BeforeAll
    static void keys() throws Exception {
        ours = new RSAKeyGenerator(2048).keyID("ours").generate();
        stranger = new RSAKeyGenerator(2048).keyID("ours").generate();
    }

    @Test
    void garbage_isNotAJwt() {
        assertThat(of("garbage")).isEqualTo(TokenRejection.NOT_A_JWT);
        assertThat(of("a.b.c")).isEqualTo(TokenRejection.NOT_A_JWT);
    }

    @Test
    void anotherIssuer_isWrongIssuer() throws Exception {
        assertThat(of(sign(ours, "https://evil.example", NOW.plusSeconds(60)))).isEqualTo(TokenRejection.WRONG_ISSUER);
    }

    @Test
    void anotherKeyWithOurKeyId_isBadSignature() throws Exception {
        assertThat(of(sign(stranger, ISSUER, NOW.plusSeconds(60)))).isEqualTo(TokenRejection.BAD_SIGNATURE);
    }

    @Test
    void ourSignatureButPastItsExpiry_isExpired() throws Exception {
        assertThat(of(sign(ours, ISSUER, NOW.minusSeconds(1)))).isEqualTo(TokenRejection.EXPIRED);
    }

    @Test
    void ourValidLookingToken_isSomeOtherClaim() throws Exception {
        assertThat(of(sign(ours, ISSUER, NOW.plusSeconds(60)))).isEqualTo(TokenRejection.NOT_ACCEPTED);
    }

    @Test
    void withAnExternalIssuer_onlyShapeAndExpiryAreJudged() throws Exception {
        String strangers = sign(stranger, "https://idp.example", NOW.minusSeconds(1));

        assertThat(TokenRejection.of(strangers, Optional.empty(), Optional.empty(), NOW))
                .isEqualTo(TokenRejection.EXPIRED);
    }

    private static TokenRejection of(String token) {
        return TokenRejection.of(token, Optional.of(ISSUER), Optional.of(new JWKSet(ours.toPublicJWK())), NOW);
    }

    private static String sign(RSAKey key, String issuer, Instant expires) throws Exception {
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .audience("lscb")
                .claim("upn", "someone")
                .issueTime(Date.from(expires.minusSeconds(900)))
                .expirationTime(Date.from(expires))
                .build();
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256)
                        .type(JOSEObjectType.JWT)
                        .keyID(key.getKeyID())
                        .build(),
                claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }
}
