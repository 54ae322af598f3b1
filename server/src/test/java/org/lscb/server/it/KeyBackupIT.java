package org.lscb.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.lscb.envelope.Identity;

/**
 * The key backup (docs/api.md "Keys and certificates", docs/security.md "Key backup"): a person stores their key
 * wrapped under a passphrase, reads it back, replaces and removes it; every malformed backup is refused naming
 * the field and leaves what was there; nobody reaches a backup but their own; storing, reading and removing are
 * audited.
 */
@ExtendWith(SharedServer.class)
class KeyBackupIT {

    private static final String PATH = "/api/v1/keys/backup";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder B64 = Base64.getEncoder();

    @Test
    void aBackupStoredByItsOwner_isReadBack_andOpensWithThePassphraseToTheKeyOfItsCertificate(Api api)
            throws Exception {
        Instant before = Instant.now().minusSeconds(2);
        Api.Login agency = api.newAccount("AGENCY_USER");
        Identity key = KeyHolder.enrol(api, agency.token(), null, false);
        char[] passphrase = "correct horse battery staple".toCharArray();
        JsonObject backup = wrap(key, passphrase, 600_000);

        Api.Reply stored = put(api, agency.token(), backup.toString());
        Api.Reply read = api.get(PATH, agency.token());

        assertThat(stored.status()).as(stored.body()).isEqualTo(201);
        assertThat(stored.headers().firstValue("Location")).contains(SharedServer.PUBLIC_BASE_URL + PATH);
        JsonObject answer = stored.json();
        assertThat(answer.getString("certificateId"))
                .isEqualTo(key.certificate().getSerialNumber().toString(16));
        assertThat(answer.getString("fingerprint")).isEqualTo(fingerprint(key.certificate()));
        assertThat(answer.getInt("iterations")).isEqualTo(600_000);
        assertThat(Instant.parse(answer.getString("updatedAt"))).isAfter(before);

        assertThat(read.status()).as(read.body()).isEqualTo(200);
        JsonObject got = read.json();
        for (String field : List.of("format", "kdf", "salt", "nonce", "ciphertext", "certificate")) {
            assertThat(got.getString(field)).as(field).isEqualTo(backup.getString(field));
        }
        assertThat(got.getInt("iterations")).isEqualTo(600_000);
        assertThat(got.getString("certificateId")).isEqualTo(answer.getString("certificateId"));
        assertThat(got.getString("updatedAt")).isEqualTo(answer.getString("updatedAt"));

        PrivateKey restored = unwrap(got, passphrase);
        assertThat(restored.getEncoded()).isEqualTo(key.privateKey().getEncoded());
        assertThat(signsFor(restored, key.certificate())).isTrue();

        assertThat(backupEntries(api, agency, before))
                .extracting(e -> e.getString("action"))
                .containsExactly("KEY_BACKUP_STORED", "KEY_BACKUP_READ");
        assertThat(backupEntries(api, agency, before)).allSatisfy(e -> {
            assertThat(e.getString("objectType")).isEqualTo("key_backup");
            assertThat(e.getString("objectId")).isEqualTo(agency.id());
            assertThat(e.getString("details")).contains(answer.getString("certificateId"));
            assertThat(e.toString()).doesNotContain(backup.getString("ciphertext"));
        });
    }

    @Test
    void storingAgain_replacesTheBackup_andDeletingRemovesIt(Api api) throws Exception {
        Instant before = Instant.now().minusSeconds(2);
        Api.Login reviewer = api.newAccount("REVIEWER");
        Identity first = KeyHolder.enrol(api, reviewer.token(), null, false);
        Identity second = KeyHolder.enrol(api, reviewer.token(), null, true);
        JsonObject one = fake(first.certificate()).build();
        JsonObject two = fake(second.certificate()).add("iterations", 1_200_000).build();

        Api.Reply created = put(api, reviewer.token(), one.toString());
        Api.Reply replaced = put(api, reviewer.token(), two.toString());
        JsonObject afterReplace = api.get(PATH, reviewer.token()).json();
        Api.Reply deleted = api.send("DELETE", PATH, reviewer.token(), null, null);
        Api.Reply readAfterDelete = api.get(PATH, reviewer.token());
        Api.Reply deletedAgain = api.send("DELETE", PATH, reviewer.token(), null, null);

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(replaced.status()).as(replaced.body()).isEqualTo(200);
        assertThat(replaced.headers().firstValue("Location")).isEmpty();
        assertThat(replaced.json().getString("certificateId"))
                .isEqualTo(second.certificate().getSerialNumber().toString(16));
        assertThat(replaced.json().getInt("iterations")).isEqualTo(1_200_000);
        assertThat(afterReplace.getString("ciphertext")).isEqualTo(two.getString("ciphertext"));
        assertThat(afterReplace.getString("certificate")).isEqualTo(two.getString("certificate"));
        assertThat(deleted.status()).isEqualTo(204);
        assertThat(readAfterDelete.status()).isEqualTo(404);
        assertThat(readAfterDelete.error()).isEqualTo("not_found");
        assertThat(deletedAgain.status()).isEqualTo(204);

        List<JsonObject> audited = backupEntries(api, reviewer, before);
        assertThat(audited)
                .extracting(e -> e.getString("action"))
                .containsExactly("KEY_BACKUP_STORED", "KEY_BACKUP_STORED", "KEY_BACKUP_READ", "KEY_BACKUP_REMOVED");
        assertThat(audited.get(0).getString("details")).startsWith("stored");
        assertThat(audited.get(1).getString("details")).startsWith("replaced");
    }

    @Test
    void eachMalformedBackup_isRefusedNamingTheField_andNothingIsStoredOrReplaced(Api api) throws Exception {
        Instant before = Instant.now().minusSeconds(2);
        Api.Login coroner = api.newAccount("CORONER");
        X509Certificate own = KeyHolder.enrol(api, coroner.token(), null, false).certificate();
        Map<String, String> cases = malformed(own);

        assertThat(refuse(api, coroner, cases)).as("with no backup stored").isEmpty();
        assertThat(api.get(PATH, coroner.token()).status()).isEqualTo(404);

        JsonObject good = fake(own).build();
        assertThat(put(api, coroner.token(), good.toString()).status()).isEqualTo(201);
        assertThat(refuse(api, coroner, cases)).as("with a backup stored").isEmpty();
        JsonObject kept = api.get(PATH, coroner.token()).json();

        for (String field : List.of("salt", "nonce", "ciphertext", "certificate")) {
            assertThat(kept.getString(field)).as(field).isEqualTo(good.getString(field));
        }
        assertThat(backupEntries(api, coroner, before))
                .extracting(e -> e.getString("action"))
                .filteredOn(action -> !action.equals("KEY_BACKUP_READ"))
                .as("only the one good backup was stored")
                .containsExactly("KEY_BACKUP_STORED");
    }

    @Test
    void certificatesThatAreNotTheCallersOwnActiveOnes_areRefused_andNothingIsStored(Api api) throws Exception {
        Api.Login officer = api.newAccount("LSCB_OFFICER");
        Api.Login colleague = api.newAccount("LSCB_OFFICER", officer.organisationId());
        X509Certificate own = KeyHolder.enrol(api, officer.token(), null, false).certificate();
        X509Certificate revoked =
                KeyHolder.enrol(api, officer.token(), null, false).certificate();
        Api.Reply revocation =
                api.post("/api/v1/keys/" + revoked.getSerialNumber().toString(16) + "/revoke", officer.token(), "");
        assertThat(revocation.status()).as(revocation.body()).isEqualTo(200);
        X509Certificate board =
                KeyHolder.enrol(api, officer.token(), "board", false).certificate();
        X509Certificate colleagues =
                KeyHolder.enrol(api, colleague.token(), null, false).certificate();
        X509Certificate ca =
                KeyHolder.certificates(api.get("/api/v1/ca", null).body()).get(0);
        Map<String, X509Certificate> refused = new LinkedHashMap<>();
        refused.put("revoked", revoked);
        refused.put("the board's key", board);
        refused.put("a colleague's on the same board", colleagues);
        refused.put("the deployment CA's own", ca);
        refused.put("from another CA, with the serial and subject of the caller's own", lookalike(own));

        for (Map.Entry<String, X509Certificate> c : refused.entrySet()) {
            Api.Reply r = put(api, officer.token(), fake(c.getValue()).build().toString());

            assertThat(r.status()).as(c.getKey() + ": " + r.body()).isEqualTo(400);
            assertThat(r.error()).isEqualTo("invalid_request");
            assertThat(field(r)).as(c.getKey()).isEqualTo("certificate");
            assertThat(api.get(PATH, officer.token()).status()).as(c.getKey()).isEqualTo(404);
        }
        assertThat(put(api, officer.token(), fake(own).build().toString()).status())
                .isEqualTo(201);
    }

    @Test
    void aBodyOver64KiB_isTooLarge_andNothingIsStored(Api api) throws Exception {
        Api.Login paediatrician = api.newAccount("PAEDIATRICIAN");
        X509Certificate own =
                KeyHolder.enrol(api, paediatrician.token(), null, false).certificate();
        String body = fake(own)
                .add("ciphertext", B64.encodeToString(random(50_000)))
                .build()
                .toString();
        assertThat(body.length()).isGreaterThan(64 * 1024);

        Api.Reply r = put(api, paediatrician.token(), body);

        assertThat(r.status()).isEqualTo(413);
        assertThat(r.error()).isEqualTo("too_large");
        assertThat(api.get(PATH, paediatrician.token()).status()).isEqualTo(404);
    }

    @Test
    void everyoneElse_reachesNoBackupButTheirOwn_andLeavesThisOneAsItWas(Api api) throws Exception {
        Api.Login owner = api.newAccount("AGENCY_USER");
        X509Certificate ownersCertificate =
                KeyHolder.enrol(api, owner.token(), null, false).certificate();
        JsonObject backup = fake(ownersCertificate).build();
        assertThat(put(api, owner.token(), backup.toString()).status()).isEqualTo(201);
        Api.Login sameOrganisation = api.newAccount("AGENCY_USER", owner.organisationId());
        String boardOfOwner = api.newOrganisation("LSCB");
        Api.Reply member = api.post(
                "/api/v1/organisations/" + boardOfOwner + "/members",
                api.adminToken(),
                "{\"organisationId\":\"" + owner.organisationId() + "\"}");
        assertThat(member.status()).as(member.body()).isEqualTo(201);
        Api.Login ownersBoardOfficer = api.newAccount("LSCB_OFFICER", boardOfOwner);
        Api.Login anotherBoardsOfficer = api.newAccount("LSCB_OFFICER");
        Api.Login admin = new Api.Login(null, "admin", api.adminPassword(), api.adminToken(), null);

        for (Api.Login other : List.of(sameOrganisation, ownersBoardOfficer, anotherBoardsOfficer, admin)) {
            String who = other == admin ? "administrator" : other.username();
            for (String path : List.of(
                    PATH, PATH + "/" + owner.id(), PATH + "?accountId=" + owner.id(), PATH + "?for=" + owner.id())) {
                Api.Reply r = api.get(path, other.token());
                assertThat(r.status()).as(who + " GET " + path).isEqualTo(404);
                assertThat(r.body()).as(who + " GET " + path).doesNotContain(backup.getString("ciphertext"));
            }
            assertThat(api.send("DELETE", PATH, other.token(), null, null).status())
                    .as(who + " DELETE")
                    .isEqualTo(204);
            assertThat(api.send("DELETE", PATH + "/" + owner.id(), other.token(), null, null)
                            .status())
                    .as(who + " DELETE with the owner's id")
                    .isEqualTo(404);
            Api.Reply overwrite =
                    put(api, other.token(), fake(ownersCertificate).build().toString());
            assertThat(overwrite.status())
                    .as(who + " PUT with the owner's certificate")
                    .isEqualTo(400);
            assertThat(field(overwrite)).isEqualTo("certificate");
        }
        for (String method : List.of("GET", "PUT", "DELETE")) {
            Api.Reply anonymous = api.send(
                    method,
                    PATH,
                    null,
                    "application/json",
                    method.equals("PUT") ? backup.toString().getBytes(StandardCharsets.UTF_8) : null);
            assertThat(anonymous.status()).as("anonymous " + method).isEqualTo(401);
        }

        JsonObject stillThere = api.get(PATH, owner.token()).json();
        assertThat(stillThere.getString("ciphertext")).isEqualTo(backup.getString("ciphertext"));
        assertThat(stillThere.getString("certificate")).isEqualTo(backup.getString("certificate"));
    }

    /** Each malformed body, by the field the refusal must name; built on a backup that would otherwise be stored. */
    private static Map<String, String> malformed(X509Certificate own) throws Exception {
        Map<String, String> cases = new LinkedHashMap<>();
        add(cases, "format", "unknown format", fake(own).add("format", "lscb-key-backup-2"));
        add(cases, "format", "no format", without(fake(own), "format"));
        add(cases, "kdf", "PBKDF2 with SHA-1", fake(own).add("kdf", "PBKDF2-SHA1"));
        add(cases, "kdf", "another KDF", fake(own).add("kdf", "Argon2id"));
        add(cases, "iterations", "one below the floor", fake(own).add("iterations", 599_999));
        add(cases, "iterations", "one above the ceiling", fake(own).add("iterations", 10_000_001));
        add(cases, "iterations", "as text", fake(own).add("iterations", "600000"));
        add(cases, "iterations", "past an int", fake(own).add("iterations", 4_294_967_296L));
        add(cases, "iterations", "missing", without(fake(own), "iterations"));
        add(cases, "salt", "15 bytes", fake(own).add("salt", B64.encodeToString(random(15))));
        add(cases, "salt", "17 bytes", fake(own).add("salt", B64.encodeToString(random(17))));
        add(cases, "salt", "not base64", fake(own).add("salt", "not base64 at all!"));
        add(cases, "salt", "missing", without(fake(own), "salt"));
        add(cases, "nonce", "11 bytes", fake(own).add("nonce", B64.encodeToString(random(11))));
        add(cases, "nonce", "13 bytes", fake(own).add("nonce", B64.encodeToString(random(13))));
        add(cases, "nonce", "base64url", fake(own).add("nonce", "-_-_-_-_-_-_-_-_"));
        add(cases, "ciphertext", "empty", fake(own).add("ciphertext", ""));
        add(cases, "ciphertext", "only a tag's length", fake(own).add("ciphertext", B64.encodeToString(random(16))));
        add(cases, "ciphertext", "over 16 KiB", fake(own).add("ciphertext", B64.encodeToString(random(16 * 1024 + 1))));
        add(cases, "ciphertext", "not base64", fake(own).add("ciphertext", "%%%%"));
        add(cases, "certificate", "random bytes", fake(own).add("certificate", B64.encodeToString(random(600))));
        add(
                cases,
                "certificate",
                "PEM text instead of DER",
                fake(own).add("certificate", B64.encodeToString(pem(own).getBytes(StandardCharsets.US_ASCII))));
        add(
                cases,
                "certificate",
                "DER with a byte after it",
                fake(own)
                        .add(
                                "certificate",
                                B64.encodeToString(Arrays.copyOf(own.getEncoded(), own.getEncoded().length + 1))));
        add(
                cases,
                "certificate",
                "DER cut short",
                fake(own)
                        .add(
                                "certificate",
                                B64.encodeToString(Arrays.copyOf(own.getEncoded(), own.getEncoded().length - 1))));
        add(
                cases,
                "certificate",
                "over 16 KiB",
                fake(own).add("certificate", B64.encodeToString(random(16 * 1024 + 1))));
        add(cases, "certificate", "missing", without(fake(own), "certificate"));
        add(cases, "passphrase", "a field a backup does not have", fake(own).add("passphrase", "hunter2"));
        cases.put("body: empty", "");
        return cases;
    }

    private static void add(Map<String, String> cases, String field, String what, JsonObjectBuilder body) {
        cases.put(field + ": " + what, body.build().toString());
    }

    private static JsonObjectBuilder without(JsonObjectBuilder b, String field) {
        return b.remove(field);
    }

    /** Sends every case; answers those not refused with a 400 naming the expected field, or after which a PUT changed what GET answers. */
    private static List<String> refuse(Api api, Api.Login who, Map<String, String> cases) {
        String stored = api.get(PATH, who.token()).body();
        List<String> wrong = new ArrayList<>();
        for (Map.Entry<String, String> c : cases.entrySet()) {
            String expected = c.getKey().substring(0, c.getKey().indexOf(':'));
            Api.Reply r = put(api, who.token(), c.getValue());
            if (r.status() != 400 || !"invalid_request".equals(errorOf(r)) || !expected.equals(field(r))) {
                wrong.add(c.getKey() + " answered " + r.status() + " " + r.body());
            }
            if (!api.get(PATH, who.token()).body().equals(stored)) {
                wrong.add(c.getKey() + " changed the stored backup");
            }
        }
        return wrong;
    }

    private static String errorOf(Api.Reply r) {
        try {
            return r.error();
        } catch (RuntimeException notJson) {
            return null;
        }
    }

    private static String field(Api.Reply r) {
        try {
            return r.json().getJsonObject("details").getString("field", null);
        } catch (RuntimeException notJson) {
            return null;
        }
    }

    private static Api.Reply put(Api api, String token, String json) {
        return api.send("PUT", PATH, token, "application/json", json.getBytes(StandardCharsets.UTF_8));
    }

    /** A backup of the right shape around random bytes: what the server can check is all there is to check. */
    private static JsonObjectBuilder fake(X509Certificate certificate) throws Exception {
        return Json.createObjectBuilder()
                .add("format", "lscb-key-backup-1")
                .add("kdf", "PBKDF2-SHA256")
                .add("iterations", 600_000)
                .add("salt", B64.encodeToString(random(16)))
                .add("nonce", B64.encodeToString(random(12)))
                .add("ciphertext", B64.encodeToString(random(150)))
                .add("certificate", B64.encodeToString(certificate.getEncoded()));
    }

    /** What the browser's passphrase.js makes: PBKDF2-HMAC-SHA256 to an AES-256 key, AES-GCM over the PKCS#8 key. */
    private static JsonObject wrap(Identity key, char[] passphrase, int iterations) throws Exception {
        byte[] salt = random(16);
        byte[] nonce = random(12);
        Cipher aes = Cipher.getInstance("AES/GCM/NoPadding");
        aes.init(Cipher.ENCRYPT_MODE, kek(passphrase, salt, iterations), new GCMParameterSpec(128, nonce));
        return Json.createObjectBuilder()
                .add("format", "lscb-key-backup-1")
                .add("kdf", "PBKDF2-SHA256")
                .add("iterations", iterations)
                .add("salt", B64.encodeToString(salt))
                .add("nonce", B64.encodeToString(nonce))
                .add(
                        "ciphertext",
                        B64.encodeToString(aes.doFinal(key.privateKey().getEncoded())))
                .add("certificate", B64.encodeToString(key.certificate().getEncoded()))
                .build();
    }

    private static PrivateKey unwrap(JsonObject backup, char[] passphrase) throws Exception {
        Base64.Decoder b64 = Base64.getDecoder();
        Cipher aes = Cipher.getInstance("AES/GCM/NoPadding");
        aes.init(
                Cipher.DECRYPT_MODE,
                kek(passphrase, b64.decode(backup.getString("salt")), backup.getInt("iterations")),
                new GCMParameterSpec(128, b64.decode(backup.getString("nonce"))));
        byte[] pkcs8 = aes.doFinal(b64.decode(backup.getString("ciphertext")));
        return KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
    }

    private static SecretKeySpec kek(char[] passphrase, byte[] salt, int iterations) throws Exception {
        byte[] k = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                .generateSecret(new PBEKeySpec(passphrase, salt, iterations, 256))
                .getEncoded();
        return new SecretKeySpec(k, "AES");
    }

    private static boolean signsFor(PrivateKey key, X509Certificate certificate) throws Exception {
        byte[] message = "restored".getBytes(StandardCharsets.US_ASCII);
        Signature s = Signature.getInstance("SHA256withECDSA");
        s.initSign(key);
        s.update(message);
        byte[] signature = s.sign();
        Signature v = Signature.getInstance("SHA256withECDSA");
        v.initVerify(certificate.getPublicKey());
        v.update(message);
        return v.verify(signature);
    }

    /** A certificate of another CA that copies the serial and subject of a real one: the same id, not the same certificate. */
    private static X509Certificate lookalike(X509Certificate real) throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair elsewhere = g.generateKeyPair();
        var builder = new JcaX509v3CertificateBuilder(
                real.getIssuerX500Principal(),
                new BigInteger(real.getSerialNumber().toByteArray()),
                real.getNotBefore(),
                real.getNotAfter(),
                real.getSubjectX500Principal(),
                elsewhere.getPublic());
        return new JcaX509CertificateConverter()
                .getCertificate(
                        builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(elsewhere.getPrivate())));
    }

    private static String pem(X509Certificate c) throws Exception {
        return "-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder().encodeToString(c.getEncoded())
                + "\n-----END CERTIFICATE-----\n";
    }

    private static String fingerprint(X509Certificate c) throws Exception {
        return java.util.HexFormat.of()
                .withUpperCase()
                .formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(c.getEncoded()));
    }

    private static byte[] random(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        return b;
    }

    /** The key-backup entries an administrator reads whose actor is this account, oldest first. */
    private static List<JsonObject> backupEntries(Api api, Api.Login who, Instant since) {
        return AuditIT.since(api, api.adminToken(), since, null).stream()
                .filter(e -> who.id().equals(e.getString("actor", null)))
                .filter(e -> e.getString("action").startsWith("KEY_BACKUP_"))
                .toList();
    }
}
