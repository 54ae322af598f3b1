package org.lscb.load;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;
import org.lscb.envelope.Envelopes;
import org.lscb.envelope.Identity;

/**
 * What the working day needs before it starts, made through the API of the first target so that it works on any
 * deployment (the embedded database or PostgreSQL, one server or several): a board of its own for this run, with
 * its officers (who set up two-factor sign-in as a person would) and a board key enrolled, an agency and its users,
 * reviews the agency takes part in, IMR envelopes sealed to those reviews' recipients, and a few documents already
 * uploaded so that downloads and receipts have something from the first second. Names carry the run's id, so runs
 * against the same server do not collide. Nothing here is measured. The board key's enrolment and the author's
 * certificate repeat {@code org.lscb.bench.BenchKeys}: this module is built apart and cannot depend on the
 * benchmarks module.
 */
final class LoadFixture {

    /** The password of every account this fixture makes (the password policy refuses one containing the name). */
    static final String PASSWORD = "plankton orbit velvet marmalade";

    final String runId;
    String agencyId;
    final List<String> agencyUsers = new ArrayList<>();
    final List<String> officers = new ArrayList<>();
    final List<String> reviewIds = new ArrayList<>();
    final List<Path> envelopeFiles = new ArrayList<>();
    /** Documents the officers may download and acknowledge; the run's own uploads join them. */
    final List<String> documentIds = new CopyOnWriteArrayList<>();

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    private final String base;

    private LoadFixture(String base) {
        this.base = base;
        this.runId = randomLetters(6);
    }

    static LoadFixture prepare(LoadSettings s) throws Exception {
        LoadFixture f = new LoadFixture(s.targets().get(0));
        f.seed(s);
        return f;
    }

    private void seed(LoadSettings s) throws Exception {
        say(
                "Preparing run %s on %s: %d agency users, %d officers, %d reviews, %d envelopes of %,d bytes",
                runId, base, s.agencyUsers(), s.officers(), s.reviews(), s.envelopes(), s.documentBytes());
        String admin = adminToken(s);
        String board = post(admin, "/api/v1/organisations", "{\"name\":\"Load Board " + runId + "\",\"kind\":\"LSCB\"}")
                .getString("id");
        String agency = post(
                        admin, "/api/v1/organisations", "{\"name\":\"Load Police " + runId + "\",\"kind\":\"POLICE\"}")
                .getString("id");
        agencyId = agency;
        for (int i = 0; i < s.officers(); i++) {
            String name = "load" + runId + "officer" + i;
            account(admin, name, "LSCB_OFFICER", board);
            officers.add(name);
        }
        for (int i = 0; i < s.agencyUsers(); i++) {
            String name = "load" + runId + "agency" + i;
            account(admin, name, "AGENCY_USER", agency);
            agencyUsers.add(name);
        }
        // each officer sets up two-factor sign-in now, as a person would at their first sign-in
        List<String> officerTokens = new ArrayList<>();
        for (String o : officers) {
            officerTokens.add(firstSignIn(o, PASSWORD));
        }
        String officer = officerTokens.get(0);
        enrolBoardKey(officer);
        // each review has a notification date, as a board's reviews in use have, so that the pages and JSON the
        // simulation reads carry a key date
        for (int i = 0; i < s.reviews(); i++) {
            reviewIds.add(post(
                            officer,
                            "/api/v1/reviews",
                            "{\"type\":\"MANAGEMENT_REVIEW\",\"reference\":\"LOAD-" + runId + "-" + i
                                    + "\",\"pseudonym\":\"Child " + (char) ('A' + i % 26) + i
                                    + "\",\"leadLscbId\":\"" + board + "\",\"organisationIds\":[\"" + agency
                                    + "\"],\"dates\":{\"notification\":\""
                                    + java.time.LocalDate.now().minusDays(3 + 7L * i) + "\"}}")
                    .getString("id"));
        }
        // every review has the same IMR recipients (the board's key), so any envelope fits any review
        String recipients = get(officer, "/api/v1/reviews/" + reviewIds.get(0) + "/recipients?type=IMR&format=pem");
        for (String review : reviewIds) {
            if (!recipients.equals(get(officer, "/api/v1/reviews/" + review + "/recipients?type=IMR&format=pem"))) {
                throw new IllegalStateException("the run's reviews do not share their IMR recipients");
            }
        }
        List<X509Certificate> to = new ArrayList<>();
        for (var c : CertificateFactory.getInstance("X.509")
                .generateCertificates(new ByteArrayInputStream(recipients.getBytes(StandardCharsets.US_ASCII)))) {
            to.add((X509Certificate) c);
        }
        Identity author = author();
        Path dir = Files.createDirectories(s.workDir());
        for (int i = 0; i < s.envelopes(); i++) {
            Path file = dir.resolve("imr-" + i + ".p7m");
            seal(author, to, file, s.documentBytes(), i);
            envelopeFiles.add(file);
        }
        String agencyToken = token(agencyUsers.get(0), PASSWORD);
        for (int i = 0; i < Math.min(4, envelopeFiles.size()); i++) {
            documentIds.add(upload(
                    agencyToken, reviewIds.get(i % reviewIds.size()), envelopeFiles.get(i), "Prepared IMR " + i));
        }
        say(
                "Prepared: board %s, %d reviews, %d envelopes (%,d bytes each) in %s, %d documents uploaded",
                board,
                reviewIds.size(),
                envelopeFiles.size(),
                Files.size(envelopeFiles.get(0)),
                dir,
                documentIds.size());
    }

    /**
     * The administrator's token. A first sign-in of an administrator without a second factor sets one up and
     * keeps its secret beside the envelopes, for the next run's {@code --admin-totp-file}.
     */
    private String adminToken(LoadSettings s) throws Exception {
        if (s.adminTotpFile() != null) {
            Totp.remember(s.adminUser(), Files.readString(s.adminTotpFile()).strip());
        }
        JsonObject body = Json.createObjectBuilder()
                .add("username", s.adminUser())
                .add("password", s.adminPassword())
                .build();
        HttpResponse<String> r = send(request("/api/v1/auth/token", null).POST(body(body.toString())));
        if (r.statusCode() == 401 && r.body().contains("otp_required")) {
            if (!Totp.knows(s.adminUser())) {
                throw new IllegalStateException("the administrator signs in with a one-time code: give its secret with"
                        + " --admin-totp-file (the demo writes it to DATA_DIR/demo/totp/admin)");
            }
            return signInWithCode(s.adminUser(), s.adminPassword());
        }
        JsonObject answer = expect(r, 200, "POST /auth/token as " + s.adminUser());
        if ("enrol_totp".equals(answer.getString("next", null))) {
            String token = enrolTotp(s.adminUser(), answer.getString("access_token"));
            Path keep = Files.createDirectories(s.workDir()).resolve(s.adminUser() + ".totp");
            Files.writeString(keep, base32Of(s.adminUser()));
            say("The administrator set up two-factor sign-in; its secret is in %s (--admin-totp-file)", keep);
            return token;
        }
        return answer.getString("access_token");
    }

    private final java.util.Map<String, String> secrets = new java.util.HashMap<>();

    private String base32Of(String user) {
        return secrets.get(user);
    }

    /** A new officer's first sign-in: the password answers a token that only sets up two-factor sign-in. */
    private String firstSignIn(String user, String password) throws Exception {
        JsonObject answer = expect(
                send(request("/api/v1/auth/token", null).POST(body(credentials(user, password, null)))),
                200,
                "POST /auth/token as " + user);
        if (!"enrol_totp".equals(answer.getString("next", null))) {
            return answer.getString("access_token");
        }
        return enrolTotp(user, answer.getString("access_token"));
    }

    private String enrolTotp(String user, String limited) throws Exception {
        String secret = post(limited, "/api/v1/auth/totp", "{}").getString("secret");
        secrets.put(user, secret);
        Totp.remember(user, secret);
        return post(
                        limited,
                        "/api/v1/auth/totp/confirm",
                        Json.createObjectBuilder()
                                .add("otp", Totp.nextCode(user))
                                .build()
                                .toString())
                .getString("access_token");
    }

    private String signInWithCode(String user, String password) throws Exception {
        String code = Totp.nextCode(user);
        if (code == null) {
            throw new IllegalStateException(user + " signed in too often in the last 30 seconds");
        }
        return expect(
                        send(request("/api/v1/auth/token", null).POST(body(credentials(user, password, code)))),
                        200,
                        "POST /auth/token as " + user)
                .getString("access_token");
    }

    String token(String user, String password) throws Exception {
        return expect(
                        send(request("/api/v1/auth/token", null).POST(body(credentials(user, password, null)))),
                        200,
                        "POST /auth/token as " + user)
                .getString("access_token");
    }

    static String credentials(String user, String password, String otp) {
        var b = Json.createObjectBuilder().add("username", user).add("password", password);
        if (otp != null) {
            b.add("otp", otp);
        }
        return b.build().toString();
    }

    private void account(String admin, String name, String role, String org) throws Exception {
        post(
                admin,
                "/api/v1/accounts",
                Json.createObjectBuilder()
                        .add("username", name)
                        .add("displayName", name)
                        .add("roles", Json.createArrayBuilder().add(role))
                        .add("organisationId", org)
                        .add("password", PASSWORD)
                        .build()
                        .toString());
    }

    /** The board's key: a certificate the CA issues for it; its private key is not needed, nothing is opened. */
    private void enrolBoardKey(String officer) throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(3072);
        KeyPair kp = g.generateKeyPair();
        var csr = new JcaPKCS10CertificationRequestBuilder(new X500Name("CN=Load board " + runId), kp.getPublic())
                .build(new JcaContentSignerBuilder("SHA256withRSA").build(kp.getPrivate()));
        StringWriter pem = new StringWriter();
        try (JcaPEMWriter w = new JcaPEMWriter(pem)) {
            w.writeObject(csr);
        }
        HttpResponse<String> r = send(request("/api/v1/keys/enrol?for=board", officer)
                .header("Content-Type", "application/pkcs10")
                .POST(HttpRequest.BodyPublishers.ofString(pem.toString())));
        if (r.statusCode() != 201) {
            throw new IllegalStateException("enrolling the board key answered " + r.statusCode() + ": " + r.body());
        }
    }

    /** The agency's author key: the envelope's inner signature, which the server does not open. */
    private static Identity author() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair kp = g.generateKeyPair();
        long now = System.currentTimeMillis();
        var b = new JcaX509v3CertificateBuilder(
                new X500Name("CN=Load author"),
                java.math.BigInteger.valueOf(now),
                new java.util.Date(now - 60_000),
                new java.util.Date(now + 7 * 86_400_000L),
                new X500Name("CN=Load author"),
                kp.getPublic());
        X509Certificate cert = new JcaX509CertificateConverter()
                .getCertificate(b.build(new JcaContentSignerBuilder("SHA256withECDSA").build(kp.getPrivate())));
        return Identity.of(kp.getPrivate(), cert);
    }

    /** An envelope of {@code bytes} of random content (each file different, so the store keeps each blob). */
    private static void seal(Identity author, List<X509Certificate> to, Path file, long bytes, int seed)
            throws Exception {
        byte[] plain = new byte[(int) bytes];
        new Random(seed * 7919L + System.nanoTime()).nextBytes(plain);
        try (InputStream in = new ByteArrayInputStream(plain);
                OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
            Envelopes.sealer(author, to).seal(in, out);
        }
    }

    private String upload(String token, String review, Path envelope, String title) throws Exception {
        HttpResponse<String> r = send(request(
                        "/api/v1/reviews/" + review + "/documents?type=IMR&title="
                                + URLEncoder.encode(title, StandardCharsets.UTF_8),
                        token)
                .header("Content-Type", "application/pkcs7-mime")
                .POST(HttpRequest.BodyPublishers.ofFile(envelope)));
        return expect(r, 201, "uploading " + envelope.getFileName()).getString("id");
    }

    String randomDocument() {
        return documentIds.get(ThreadLocalRandom.current().nextInt(documentIds.size()));
    }

    String randomReview() {
        return reviewIds.get(ThreadLocalRandom.current().nextInt(reviewIds.size()));
    }

    private HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofMinutes(2));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return b;
    }

    private static HttpRequest.BodyPublisher body(String json) {
        return HttpRequest.BodyPublishers.ofString(json);
    }

    private HttpResponse<String> send(HttpRequest.Builder b) throws Exception {
        HttpRequest r = b.build();
        if (r.bodyPublisher().isPresent()
                && r.headers().firstValue("Content-Type").isEmpty()) {
            r = HttpRequest.newBuilder(r, (name, value) -> true)
                    .header("Content-Type", "application/json")
                    .build();
        }
        return http.send(r, HttpResponse.BodyHandlers.ofString());
    }

    private JsonObject post(String token, String path, String json) throws Exception {
        HttpResponse<String> r = send(
                request(path, token).header("Content-Type", "application/json").POST(body(json)));
        if (r.statusCode() / 100 != 2) {
            throw new IllegalStateException("POST " + path + " answered " + r.statusCode() + ": " + r.body());
        }
        return Json.createReader(new StringReader(r.body())).readObject();
    }

    private String get(String token, String path) throws Exception {
        HttpResponse<String> r = send(request(path, token).GET());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + " answered " + r.statusCode() + ": " + r.body());
        }
        return r.body();
    }

    private static JsonObject expect(HttpResponse<String> r, int status, String what) {
        if (r.statusCode() != status) {
            throw new IllegalStateException(what + " answered " + r.statusCode() + ": " + r.body());
        }
        return Json.createReader(new StringReader(r.body())).readObject();
    }

    private static String randomLetters(int n) {
        SecureRandom random = new SecureRandom();
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            b.append((char) ('a' + random.nextInt(26)));
        }
        return b.toString();
    }

    static void say(String format, Object... args) {
        System.out.println(String.format(format, args));
    }
}
