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
import jakarta.json.JsonObject;
import java.net.InetAddress;
import java.nio.file.Files;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A refused bearer token is logged in one line and audited as {@code INVALID_TOKEN}, at most once per client
 * address a minute. Each test speaks from a loopback address of its own, so that other tests' refused tokens
 * do not share its minute.
 */
@ExtendWith(SharedServer.class)
class InvalidTokenAuditIT {

    @Test
    void eachKindOfRefusedToken_isAuditedWithItsReason_andLoggedInOneLine(Api api, ServerProcess server)
            throws Exception {
        Instant before = Instant.now().minusSeconds(5);
        Api.Login user = api.newAccount("REVIEWER");
        RSAKey serverKey =
                (RSAKey) JWKSet.parse(Files.readString(server.dataDir().resolve("keys/token-signing.jwks")))
                        .getKeys()
                        .get(0);
        RSAKey stranger = new RSAKeyGenerator(2048).keyID(serverKey.getKeyID()).generate();
        Instant now = Instant.now();
        String[][] cases = {
            {"garbage", "not a signed JWT"},
            {
                sign(stranger, user.username(), "urn:lscb:exchange", now.plusSeconds(600)),
                "signature not made by this server's keys"
            },
            {sign(serverKey, user.username(), "urn:lscb:exchange", now.minusSeconds(3600)), "expired"},
            {sign(serverKey, user.username(), "https://evil.example", now.plusSeconds(600)), "issued by someone else"},
        };

        for (String[] c : cases) {
            InetAddress client = RawHttp.freshLoopbackAddress();
            RawHttp.Reply r = RawHttp.to(api.baseUrl()).from(client).get("/api/v1/me", "Authorization: Bearer " + c[0]);

            assertThat(r.status()).isEqualTo(401);
            assertThat(r.error()).isEqualTo("unauthorized");
            List<JsonObject> entries = invalidTokenEntries(api, before, client);
            assertThat(entries).as(c[1]).hasSize(1);
            assertThat(entries.get(0).getString("objectId")).isEqualTo("GET /api/v1/me");
            assertThat(entries.get(0).getString("details")).contains("reason: " + c[1]);
            ServerLog.awaitLine(
                    server,
                    "Refused an invalid bearer token from " + client.getHostAddress() + " for GET /api/v1/me: " + c[1]);
        }
        assertThat(server.log())
                .doesNotContain("Exception trying to parse JWT token")
                .doesNotContain("JWTProcessingException");
    }

    @Test
    void aFloodFromOneAddress_makesFarFewerEntriesThanRequests(Api api, ServerProcess server) throws Exception {
        Instant before = Instant.now().minusSeconds(5);
        InetAddress client = RawHttp.freshLoopbackAddress();
        RawHttp raw = RawHttp.to(api.baseUrl()).from(client);
        int flood = 40;

        for (int i = 0; i < flood; i++) {
            assertThat(raw.get("/api/v1/reviews", "Authorization: Bearer flood-" + i)
                            .status())
                    .isEqualTo(401);
        }

        // the first is written at once; the rest are held back for a minute from it, however fast this machine is
        List<JsonObject> entries = invalidTokenEntries(api, before, client);
        assertThat(entries).isNotEmpty().hasSizeLessThan(flood);
        assertThat(entries.get(0).getString("details")).contains("held back since the last entry for this address: 0");
        ServerLog.awaitMarker(api, server);
        long lines = server.log()
                .lines()
                .filter(l -> l.contains("invalid bearer token from " + client.getHostAddress() + " "))
                .count();
        assertThat(lines).isEqualTo(entries.size());
    }

    private static List<JsonObject> invalidTokenEntries(Api api, Instant since, InetAddress client) {
        return AuditIT.since(api, api.adminToken(), since, null).stream()
                .filter(e -> e.getString("action").equals("INVALID_TOKEN")
                        && e.getString("actor").equals(client.getHostAddress()))
                .toList();
    }

    private static String sign(RSAKey key, String username, String issuer, Instant expires) throws Exception {
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .subject(UUID.randomUUID().toString())
                .audience("lscb")
                .claim("upn", username)
                .claim("groups", List.of("REVIEWER"))
                .issueTime(Date.from(expires.minusSeconds(900)))
                .expirationTime(Date.from(expires))
                .jwtID(UUID.randomUUID().toString())
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
