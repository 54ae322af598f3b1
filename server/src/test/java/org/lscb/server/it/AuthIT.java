package org.lscb.server.it;

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
import java.nio.file.Files;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Sign-in, /me, and the tokens that must be refused (docs/api.md "Authentication"). */
@ExtendWith(SharedServer.class)
class AuthIT {

    @Test
    void signedInOfficer_seesOwnRolesAtMe(Api api) {
        Api.Login officer = api.newAccount("LSCB_OFFICER");

        Api.Reply me = api.get("/api/v1/me", officer.token());

        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().getString("username")).isEqualTo(officer.username());
        assertThat(me.json().getJsonArray("roles").getString(0)).isEqualTo("LSCB_OFFICER");
        assertThat(me.json().getString("organisationId")).isEqualTo(officer.organisationId());
        assertThat(me.json().getString("id")).isEqualTo(officer.id());
    }

    @Test
    void tokenAnswer_hasTheContractFields(Api api) {
        Api.Login user = api.newAccount("AGENCY_USER");

        Api.Reply r = api.signIn(user.username(), user.password());

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().getString("token_type")).isEqualTo("Bearer");
        assertThat(r.json().getJsonNumber("expires_in").longValue()).isBetween(60L, 12 * 3600L);
    }

    @Test
    void unknownUserAndWrongPassword_answerIdentically(Api api) {
        Api.Login user = api.newAccount("AGENCY_USER");

        Api.Reply wrongPassword = api.signIn(user.username(), "not-the-password");
        Api.Reply unknownUser = api.signIn("nobody" + Api.unique(), "not-the-password");

        assertThat(wrongPassword.status()).isEqualTo(401);
        assertThat(unknownUser.status()).isEqualTo(401);
        assertThat(unknownUser.body()).isEqualTo(wrongPassword.body());
    }

    @Test
    void repeatedFailures_lockTheNameWhetherOrNotItExists(Api api) {
        Api.Login user = api.newAccount("AGENCY_USER");
        String ghost = "ghost" + Api.unique();

        for (int i = 0; i < 10; i++) {
            api.signIn(user.username(), "wrong-" + i);
            api.signIn(ghost, "wrong-" + i);
        }
        Api.Reply lockedReal = api.signIn(user.username(), user.password());
        Api.Reply lockedGhost = api.signIn(ghost, "anything");

        assertThat(lockedReal.status()).isEqualTo(429);
        assertThat(lockedReal.error()).isEqualTo("too_many_attempts");
        assertThat(lockedReal.headers().firstValue("Retry-After")).isPresent();
        assertThat(lockedGhost.status()).isEqualTo(429);
        assertThat(lockedGhost.json().getString("message"))
                .isEqualTo(lockedReal.json().getString("message"));
    }

    @Test
    void missingToken_is401InTheErrorShape(Api api) {
        Api.Reply r = api.get("/api/v1/me", null);

        assertThat(r.status()).isEqualTo(401);
        assertThat(r.error()).isEqualTo("unauthorized");
        assertThat(r.json().containsKey("message")).isTrue();
    }

    @Test
    void expiredToken_isRefused(Api api, ServerProcess server) throws Exception {
        Api.Login user = api.newAccount("LSCB_OFFICER");
        Instant past = Instant.now().minusSeconds(7200);

        String expired =
                sign(serverKey(server), claims(user.username(), "urn:lscb:exchange", past, past.plusSeconds(60)));

        assertThat(api.get("/api/v1/me", expired).status()).isEqualTo(401);
    }

    @Test
    void tokenFromAnotherIssuer_isRefused(Api api, ServerProcess server) throws Exception {
        Api.Login user = api.newAccount("LSCB_OFFICER");
        Instant now = Instant.now();

        String wrongIssuer =
                sign(serverKey(server), claims(user.username(), "https://evil.example", now, now.plusSeconds(600)));

        assertThat(api.get("/api/v1/me", wrongIssuer).status()).isEqualTo(401);
    }

    @Test
    void validClaimsSignedWithTheServerKey_areAccepted(Api api, ServerProcess server) throws Exception {
        // control for the two tests above: only the claim they change makes the difference
        Api.Login user = api.newAccount("LSCB_OFFICER");
        Instant now = Instant.now();

        String good = sign(serverKey(server), claims(user.username(), "urn:lscb:exchange", now, now.plusSeconds(600)));

        assertThat(api.get("/api/v1/me", good).status()).isEqualTo(200);
    }

    /**
     * A well-signed token naming no account is refused on every endpoint, including those whose resource never asks
     * who is calling (the register search answers from the token's roles alone).
     */
    @Test
    void aTokenWhoseAccountIsGone_isRefusedEvenWhereTheResourceReadsOnlyItsRoles(Api api, ServerProcess server)
            throws Exception {
        Instant now = Instant.now();
        String orphan =
                sign(serverKey(server), claims("gone-" + Api.unique(), "urn:lscb:exchange", now, now.plusSeconds(600)));
        Api.Login user = api.newAccount("LSCB_OFFICER");
        String control =
                sign(serverKey(server), claims(user.username(), "urn:lscb:exchange", now, now.plusSeconds(600)));

        assertThat(api.get("/api/v1/reviewers?q=anything", control).status()).isEqualTo(200);
        Api.Reply refused = api.get("/api/v1/reviewers?q=anything", orphan);
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.json().getString("error")).isNotBlank();
        assertThat(api.get("/api/v1/me", orphan).status()).isEqualTo(401);
        // without the role the search demands it is still 401, not a 403 audited against an account that is not there
        String orphanReviewer = sign(
                serverKey(server),
                claims("gone-" + Api.unique(), "urn:lscb:exchange", now, now.plusSeconds(600), List.of("REVIEWER")));
        assertThat(api.get("/api/v1/reviewers?q=anything", orphanReviewer).status())
                .isEqualTo(401);
    }

    @Test
    void tokenSignedWithAnotherKey_isRefused(Api api) throws Exception {
        Api.Login user = api.newAccount("ADMIN");
        RSAKey stranger = new RSAKeyGenerator(2048).keyID("x").generate();
        Instant now = Instant.now();

        String forged = sign(stranger, claims(user.username(), "urn:lscb:exchange", now, now.plusSeconds(600)));

        assertThat(api.get("/api/v1/me", forged).status()).isEqualTo(401);
    }

    @Test
    void algNoneToken_isRefused(Api api) {
        Api.Login user = api.newAccount("ADMIN");
        String payload = user.token().split("\\.")[1];
        String header =
                Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes());

        assertThat(api.get("/api/v1/me", header + "." + payload + ".").status()).isEqualTo(401);
    }

    @Test
    void tamperedPayload_isRefused(Api api) {
        Api.Login user = api.newAccount("AGENCY_USER");
        String[] parts = user.token().split("\\.");
        String claims = new String(Base64.getUrlDecoder().decode(parts[1])).replace("AGENCY_USER", "ADMIN");
        String tampered = parts[0] + "."
                + Base64.getUrlEncoder().withoutPadding().encodeToString(claims.getBytes()) + "." + parts[2];

        assertThat(api.get("/api/v1/organisations", tampered).status()).isEqualTo(401);
    }

    @Test
    void tokensAcceptedBefore_eachStillAnswerForTheirOwnAccount(Api api) {
        // a token verified once is answered from VerifiedTokens afterwards: answers must never cross
        Api.Login one = api.newAccount("LSCB_OFFICER");
        Api.Login two = api.newAccount("AGENCY_USER");

        for (int round = 0; round < 3; round++) {
            assertThat(api.get("/api/v1/me", one.token()).json().getString("username"))
                    .isEqualTo(one.username());
            assertThat(api.get("/api/v1/me", two.token()).json().getString("username"))
                    .isEqualTo(two.username());
        }
        // the groups come with the kept answer
        assertThat(api.get("/api/v1/organisations", one.token()).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/organisations", two.token()).status()).isEqualTo(403);
    }

    @Test
    void aTokenAcceptedBefore_isRefusedWithAnotherSignature(Api api) {
        Api.Login user = api.newAccount("LSCB_OFFICER");
        assertThat(api.get("/api/v1/me", user.token()).status()).isEqualTo(200);
        String[] parts = user.token().split("\\.");
        char c = parts[2].charAt(10);
        String altered = parts[0] + "." + parts[1] + "." + parts[2].substring(0, 10) + (c == 'A' ? 'B' : 'A')
                + parts[2].substring(11);

        assertThat(api.get("/api/v1/me", altered).status()).isEqualTo(401);
        assertThat(api.get("/api/v1/me", user.token()).status()).isEqualTo(200);
    }

    @Test
    void jwks_publishesTheKeyThatVerifiesTokens(Api api) throws Exception {
        Api.Login user = api.newAccount("REVIEWER");
        JWKSet published = JWKSet.parse(api.get("/api/v1/auth/jwks", null).body());

        SignedJWT token = SignedJWT.parse(user.token());
        RSAKey key = (RSAKey) published.getKeyByKeyId(token.getHeader().getKeyID());

        assertThat(key).isNotNull();
        assertThat(key.isPrivate()).isFalse();
        assertThat(token.verify(new com.nimbusds.jose.crypto.RSASSAVerifier(key)))
                .isTrue();
    }

    private static RSAKey serverKey(ServerProcess server) throws Exception {
        return (RSAKey) JWKSet.parse(Files.readString(server.dataDir().resolve("keys/token-signing.jwks")))
                .getKeys()
                .get(0);
    }

    private static JWTClaimsSet claims(String username, String issuer, Instant issued, Instant expires) {
        return claims(username, issuer, issued, expires, List.of("ADMIN", "LSCB_OFFICER"));
    }

    private static JWTClaimsSet claims(
            String username, String issuer, Instant issued, Instant expires, List<String> groups) {
        return new JWTClaimsSet.Builder()
                .issuer(issuer)
                .subject(UUID.randomUUID().toString())
                .audience("lscb")
                .claim("upn", username)
                .claim("groups", groups)
                .issueTime(Date.from(issued))
                .expirationTime(Date.from(expires))
                .jwtID(UUID.randomUUID().toString())
                .build();
    }

    private static String sign(RSAKey key, JWTClaimsSet claims) throws Exception {
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
