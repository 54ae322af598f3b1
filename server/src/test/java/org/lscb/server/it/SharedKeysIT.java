package org.lscb.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.h2.tools.Server;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.lscb.envelope.Envelopes;
import org.lscb.envelope.Identity;
import org.lscb.envelope.OpenedEnvelope;
import org.lscb.exchange.pki.DeploymentCa;

/**
 * Two servers of one database share the deployment's keys (docs/operations.md "Several servers"): a token
 * issued by one is accepted by the other, a certificate issued by one verifies against the other's CA, and a
 * signing key rotated on one is accepted by the other without a restart. A third server with another
 * {@code CA_SECRET} refuses to start. On the embedded default the two share an H2 database through an H2 TCP
 * server on loopback, started here; there the first server also imports the keys of a data folder made before the
 * keys were kept in the database. On PostgreSQL they share the run's database.
 */
@ExtendWith(SharedServer.class)
class SharedKeysIT {

    /** How long a server may take to see a key another has made: one refresh interval and then some. */
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Test
    void twoServersOfOneDatabase_shareTokensCertificatesAndRotation(Api shared) throws Exception {
        Path base = Files.createTempDirectory("lscb-keys");
        Map<String, String> env = new HashMap<>(TestDatabase.serverEnvironment());
        env.put("ADMIN_PASSWORD", shared.adminPassword());
        Server h2 = null;
        Legacy legacy = null;
        if (!TestDatabase.postgres()) {
            // port 0: H2 takes a free port itself, with no gap between finding it and binding it
            h2 = Server.createTcpServer(
                            "-tcpPort", "0", "-baseDir", base.resolve("db").toString(), "-ifNotExists")
                    .start();
            env.put("DB_URL", "jdbc:h2:tcp://127.0.0.1:" + h2.getPort() + "/lscb");
            legacy = Legacy.writeTo(base.resolve("a"), env.get("CA_SECRET"));
        }
        try (ServerProcess a = ServerProcess.start(base.resolve("a"), env).awaitReady();
                ServerProcess b = ServerProcess.start(base.resolve("b"), env).awaitReady()) {
            Api apiA = shared.at(a.baseUrl());
            Api apiB = apiA.restartedAt(b.baseUrl());

            // one CA and one set of signing keys; on a new database, those of the data folder made before
            String caA = apiA.get("/api/v1/ca", null).body();
            assertThat(apiB.get("/api/v1/ca", null).body()).isEqualTo(caA);
            assertThat(SigningKeyRotationIT.publishedKeyIds(apiB))
                    .isEqualTo(SigningKeyRotationIT.publishedKeyIds(apiA));
            if (legacy != null) {
                assertThat(KeyHolder.certificates(caA).get(0)).isEqualTo(legacy.ca());
                assertThat(SigningKeyRotationIT.publishedKeyIds(apiA)).containsExactly(legacy.keyId());
            }

            // a token issued by one is accepted by the other
            Api.Login person = apiA.newAccount("REVIEWER");
            assertThat(apiB.get("/api/v1/me", person.token()).status()).isEqualTo(200);

            // a certificate issued by one verifies against the other's CA
            Identity enrolled = KeyHolder.enrol(apiA, person.token(), null, false);
            X509Certificate caOfB =
                    KeyHolder.certificates(apiB.get("/api/v1/ca", null).body()).get(0);
            enrolled.certificate().verify(caOfB.getPublicKey());

            // a key rotated on A: B accepts A's new tokens without a restart, and the old ones still
            Api.Reply rotated = apiA.post(SigningKeyRotationIT.ROTATION, apiA.adminToken(), "{}");
            assertThat(rotated.status()).as(rotated.body()).isEqualTo(200);
            String newKey = rotated.json().getString("keyId");
            Api.Login later = apiA.newAccount("REVIEWER");
            assertThat(SigningKeyRotationIT.keyIdOf(later.token())).isEqualTo(newKey);
            assertThat(statusWithin(apiB, later.token())).isEqualTo(200);
            assertThat(apiB.get("/api/v1/me", person.token()).status()).isEqualTo(200);
            assertThat(SigningKeyRotationIT.publishedKeyIds(apiB)).contains(newKey);
            // and B signs with it too once it has read it
            Api.Login onB = apiB.newAccount("REVIEWER");
            assertThat(SigningKeyRotationIT.keyIdOf(onB.token())).isEqualTo(newKey);

            // the gateway key renewed on A: B takes it up without a restart, answers for its certificate and seals
            // browser uploads with it
            Api.Reply renewed = apiA.post("/api/v1/ca/gateway-key/renewal", apiA.adminToken(), "{}");
            assertThat(renewed.status()).as(renewed.body()).isEqualTo(200);
            String gateway = KeyHolder.certificates(renewed.json().getString("pem"))
                    .get(0)
                    .getSerialNumber()
                    .toString(16);
            assertThat(keyStatusWithin(apiB, person.token(), gateway)).isEqualTo(200);
            ReviewWorld world = ReviewWorld.create(apiB);
            String review = world.openScr(3).getString("id");
            Identity boardKey = KeyHolder.enrol(apiB, world.officer().token(), "board", false);
            Api.Reply plain = apiB.send(
                    "POST",
                    "/api/v1/reviews/" + review + "/documents/plain?type=IMR&title=After%20renewal",
                    world.police().token(),
                    "application/octet-stream",
                    "typed in a browser".getBytes(StandardCharsets.UTF_8));
            assertThat(plain.status()).as(plain.body()).isEqualTo(201);
            byte[] sealed = apiB.getBytes(
                            "/api/v1/documents/" + plain.json().getString("id") + "/content",
                            world.officer().token())
                    .body();
            OpenedEnvelope opened = Envelopes.opener(boardKey)
                    .open(new java.io.ByteArrayInputStream(sealed), base.resolve("after-renewal"));
            assertThat(opened.signer().getSerialNumber().toString(16))
                    .as("B seals browser uploads with the key renewed on A")
                    .isEqualTo(gateway);

            // a server with another CA_SECRET cannot unwrap the keys: it stops, and makes none over them
            Map<String, String> otherSecret = new HashMap<>(env);
            otherSecret.put("CA_SECRET", "not-the-secret-of-this-database");
            ServerProcess c = ServerProcess.start(base.resolve("c"), otherSecret);
            assertThat(c.awaitExit(Duration.ofSeconds(180))).isNotZero();
            assertThat(c.log()).contains("cannot be unwrapped with this server's CA_SECRET");
            assertThat(apiA.get("/api/v1/ca", null).body()).isEqualTo(caA);
            assertThat(SigningKeyRotationIT.publishedKeyIds(apiA)).contains(newKey);
        } finally {
            if (h2 != null) {
                h2.stop();
            }
        }
    }

    /** The status of {@code GET /api/v1/me} on a server, asked until it is 200 or {@link #PATIENCE} has passed. */
    private static int statusWithin(Api api, String token) throws InterruptedException {
        Instant deadline = Instant.now().plus(PATIENCE);
        int status;
        while ((status = api.get("/api/v1/me", token).status()) != 200
                && Instant.now().isBefore(deadline)) {
            Thread.sleep(500);
        }
        return status;
    }

    /** The status of {@code GET /api/v1/keys/{certId}} on a server, asked until it is 200 or PATIENCE has passed. */
    private static int keyStatusWithin(Api api, String token, String certId) throws InterruptedException {
        Instant deadline = Instant.now().plus(PATIENCE);
        int status;
        while ((status = api.get("/api/v1/keys/" + certId, token).status()) != 200
                && Instant.now().isBefore(deadline)) {
            Thread.sleep(500);
        }
        return status;
    }

    /** The keys a data folder of a deployment made before the keys were in the database holds. */
    record Legacy(X509Certificate ca, String keyId) {

        static Legacy writeTo(Path dataDir, String secret) throws Exception {
            DeploymentCa ca = DeploymentCa.openOrCreate(
                    dataDir.resolve("ca").resolve("ca.p12"), secret.toCharArray(), "Legacy CA", Instant.now());
            RSAKey key = new RSAKeyGenerator(2048).keyIDFromThumbprint(true).generate();
            Path jwks = dataDir.resolve("keys").resolve("token-signing.jwks");
            Files.createDirectories(jwks.getParent());
            Files.writeString(jwks, new JWKSet(key).toString(false), StandardCharsets.UTF_8);
            return new Legacy(ca.certificate(), key.getKeyID());
        }
    }
}
