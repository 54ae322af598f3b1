package org.lscb.server.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

/** A small black-box client of the HTTP API, with helpers that make a test's own data. */
public final class Api {

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private final String base;
    private final String adminPassword;
    private final SignIns signIns;

    /** A client of a server with its own database: nobody has signed in to it yet. */
    public Api(String base, String adminPassword) {
        this(base, adminPassword, new SignIns());
    }

    Api(String base, String adminPassword, SignIns signIns) {
        this.base = base;
        this.adminPassword = adminPassword;
        this.signIns = signIns;
    }

    public record Reply(int status, String body, HttpHeaders headers) {
        public JsonObject json() {
            return Json.createReader(new StringReader(body)).readObject();
        }

        public JsonValue value() {
            return Json.createReader(new StringReader(body)).readValue();
        }

        public String error() {
            return json().getString("error");
        }
    }

    public record Login(String id, String username, String password, String token, String organisationId) {}

    /**
     * What a test run knows of one database's sign-ins: tokens already issued (so a test does not sign the
     * same person in again within one TOTP step), the TOTP secrets of accounts set up through {@link #token},
     * and the last TOTP step each account used (the server accepts every step once).
     */
    static final class SignIns {
        final java.util.Map<String, String> tokens = new java.util.concurrent.ConcurrentHashMap<>();
        final java.util.Map<String, String> secrets;
        final java.util.Map<String, Long> lastStep;
        /** Recovery codes not yet used, for a sign-in when no TOTP step is left (several servers on one database). */
        final java.util.Map<String, java.util.Deque<String>> recoveryCodes;

        SignIns() {
            this(
                    new java.util.concurrent.ConcurrentHashMap<>(),
                    new java.util.concurrent.ConcurrentHashMap<>(),
                    new java.util.concurrent.ConcurrentHashMap<>());
        }

        private SignIns(
                java.util.Map<String, String> secrets,
                java.util.Map<String, Long> lastStep,
                java.util.Map<String, java.util.Deque<String>> recoveryCodes) {
            this.secrets = secrets;
            this.lastStep = lastStep;
            this.recoveryCodes = recoveryCodes;
        }

        /** The same database served by another process: secrets, used steps and recovery codes carry over, tokens do not. */
        SignIns sameDatabase() {
            return new SignIns(secrets, lastStep, recoveryCodes);
        }
    }

    public String baseUrl() {
        return base;
    }

    /**
     * Another server started with {@link TestDatabase#serverEnvironment()} and the same administrator password:
     * on the embedded default it has a database of its own, where the administrator is new; on PostgreSQL it
     * shares this server's database, so the accounts' second factors carry over (its tokens do not: each
     * server signs with the keys of its own data folder).
     */
    public Api at(String otherBase) {
        return new Api(otherBase, adminPassword, TestDatabase.postgres() ? signIns.sameDatabase() : new SignIns());
    }

    /** Another server process on this server's database (a restart): the accounts' second factors carry over. */
    public Api restartedAt(String otherBase) {
        return new Api(otherBase, adminPassword, signIns.sameDatabase());
    }

    public String adminPassword() {
        return adminPassword;
    }

    public String adminToken() {
        return token("admin", adminPassword);
    }

    /**
     * A full token for this account: signed in once per test run and then reused. An administrator or officer
     * signing in for the first time sets up two-factor sign-in on the way, as a person would; later sign-ins
     * send the next one-time code.
     */
    public String token(String username, String password) {
        return signIns.tokens.computeIfAbsent(username + "\n" + password, k -> freshToken(username, password));
    }

    /** A new sign-in (with the account's next one-time code when it has a second factor); no reuse. */
    public String freshToken(String username, String password) {
        Reply r = signIns.secrets.containsKey(username)
                ? signIn(username, password, signInCode(username))
                : signIn(username, password);
        if (r.status() != 200) {
            throw new AssertionError("sign-in of " + username + " answered " + r.status() + " " + r.body());
        }
        JsonObject answer = r.json();
        if ("enrol_totp".equals(answer.getString("next", null))) {
            return enrolSecondFactor(username, answer.getString("access_token")).getString("access_token");
        }
        return answer.getString("access_token");
    }

    /** Sets up TOTP with the given token, as the person's authenticator would; answers the confirmation (recovery codes, token). */
    public JsonObject enrolSecondFactor(String username, String token) {
        Reply started = post("/api/v1/auth/totp", token, "{}");
        if (started.status() != 201) {
            throw new AssertionError("starting two-factor sign-in of " + username + " answered " + started.status()
                    + " " + started.body());
        }
        knowSecret(username, started.json().getString("secret"));
        Reply confirmed = post(
                "/api/v1/auth/totp/confirm",
                token,
                Json.createObjectBuilder()
                        .add("otp", nextCode(username))
                        .build()
                        .toString());
        if (confirmed.status() != 200) {
            throw new AssertionError("confirming two-factor sign-in of " + username + " answered " + confirmed.status()
                    + " " + confirmed.body());
        }
        java.util.Deque<String> codes = new java.util.concurrent.ConcurrentLinkedDeque<>();
        confirmed
                .json()
                .getJsonArray("recoveryCodes")
                .getValuesAs(jakarta.json.JsonString.class)
                .forEach(c -> codes.add(c.getString()));
        signIns.recoveryCodes.put(username, codes);
        return confirmed.json();
    }

    public boolean knowsSecret(String username) {
        return signIns.secrets.containsKey(username);
    }

    /** Tells this client an account's TOTP secret (base32), such as a demo account's from {@code data/demo/totp}. */
    public void knowSecret(String username, String base32) {
        signIns.secrets.put(username, base32);
    }

    /**
     * What a person types at the second step of signing in: the next one-time code, or when this step and the
     * next are used, one of the account's recovery codes.
     */
    public String signInCode(String username) {
        try {
            return nextCode(username);
        } catch (AssertionError noStepLeft) {
            String recovery = signIns.recoveryCodes
                    .getOrDefault(username, new java.util.ArrayDeque<>())
                    .poll();
            if (recovery == null) {
                throw noStepLeft;
            }
            return recovery;
        }
    }

    /**
     * A code for a step the server accepts now (one this account has not used, when there is one), without
     * marking the step used: for attempts the server must refuse for another reason, such as a locked name, so
     * that the test does not use up the account's steps on them.
     */
    public String unusedCode(String username) {
        String secret = signIns.secrets.get(username);
        if (secret == null) {
            throw new AssertionError(username + " has no second factor this test knows of");
        }
        org.lscb.identity.account.TotpCodes codes = new org.lscb.identity.account.TotpCodes();
        long current = codes.stepOf(java.time.Instant.now());
        Long last = signIns.lastStep.get(username);
        long step = last == null ? current : Math.min(current + 1, Math.max(current, last + 1));
        return codes.codeAt(
                new org.apache.commons.codec.binary.Base32().decode(secret),
                java.time.Instant.ofEpochSecond(step * 30));
    }

    /**
     * The code for the next step this account has not used: the current one, or the one after it (which the
     * server accepts for clock drift). A third code within one 30-second step has none left.
     */
    public String nextCode(String username) {
        String secret = signIns.secrets.get(username);
        if (secret == null) {
            throw new AssertionError(username + " has no second factor this test knows of");
        }
        java.time.Instant now = java.time.Instant.now();
        org.lscb.identity.account.TotpCodes codes = new org.lscb.identity.account.TotpCodes();
        long current = codes.stepOf(now);
        long[] chosen = {Long.MIN_VALUE};
        signIns.lastStep.compute(username, (u, last) -> {
            long next = last == null ? current : Math.max(current, last + 1);
            if (next > current + 1) {
                return last; // no step left: nothing is used up
            }
            chosen[0] = next;
            return next;
        });
        if (chosen[0] == Long.MIN_VALUE) {
            throw new AssertionError(
                    username + " signed in more than twice within one 30-second step; reuse the token");
        }
        long step = chosen[0];
        return codes.codeAt(
                new org.apache.commons.codec.binary.Base32().decode(secret),
                java.time.Instant.ofEpochSecond(step * 30));
    }

    public Reply signIn(String username, String password) {
        JsonObject body = Json.createObjectBuilder()
                .add("username", username)
                .add("password", password)
                .build();
        return post("/api/v1/auth/token", null, body.toString());
    }

    /** A sign-in that the server, trusting 127.0.0.1 as a proxy (SharedServer), takes to come from {@code clientAddress}. */
    public Reply signInFrom(String clientAddress, String username, String password) {
        JsonObject body = Json.createObjectBuilder()
                .add("username", username)
                .add("password", password)
                .build();
        return send(request("/api/v1/auth/token", null)
                .header("Content-Type", "application/json")
                .header("X-Forwarded-For", clientAddress)
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
    }

    public Reply signIn(String username, String password, String otp) {
        JsonObject body = Json.createObjectBuilder()
                .add("username", username)
                .add("password", password)
                .add("otp", otp)
                .build();
        return post("/api/v1/auth/token", null, body.toString());
    }

    public Reply get(String path, String token) {
        return send(request(path, token).GET());
    }

    public Reply post(String path, String token, String json) {
        return send(request(path, token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    public Reply send(String method, String path, String token, String contentType, byte[] body) {
        HttpRequest.Builder b = request(path, token);
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        return send(b.method(
                method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    /** A download: the status and the raw bytes of the body. */
    public record Bytes(int status, byte[] body, java.net.http.HttpHeaders headers) {}

    public Bytes getBytes(String path, String token) {
        try {
            HttpResponse<byte[]> r =
                    HTTP.send(request(path, token).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Bytes(r.statusCode(), r.body(), r.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return b;
    }

    private static Reply send(HttpRequest.Builder b) {
        try {
            HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(r.statusCode(), r.body(), r.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A new organisation of the given kind with a unique name; answers its id. */
    public String newOrganisation(String kind) {
        JsonObject body = Json.createObjectBuilder()
                .add("name", kind + " " + unique())
                .add("kind", kind)
                .add("area", "Testshire")
                .build();
        Reply r = post("/api/v1/organisations", adminToken(), body.toString());
        if (r.status() != 201) {
            throw new AssertionError("creating an organisation answered " + r.status() + " " + r.body());
        }
        return r.json().getString("id");
    }

    /** A new account with one role in a new organisation of a fitting kind, signed in. */
    public Login newAccount(String role) {
        String kind = switch (role) {
            case "LSCB_OFFICER", "LSCB_CHAIR" -> "LSCB";
            case "CORONER" -> "CORONER";
            case "PAEDIATRICIAN" -> "HEALTH";
            case "AGENCY_USER" -> "POLICE";
            default -> "OTHER";
        };
        String org = role.equals("ADMIN") ? null : newOrganisation(kind);
        return newAccount(role, org);
    }

    public Login newAccount(String role, String organisationId) {
        String username = "u" + unique();
        String password = "pw-" + UUID.randomUUID();
        var b = Json.createObjectBuilder()
                .add("username", username)
                .add("displayName", "Test " + role)
                .add("roles", Json.createArrayBuilder().add(role))
                .add("password", password);
        if (organisationId != null) {
            b.add("organisationId", organisationId);
        }
        Reply r = post("/api/v1/accounts", adminToken(), b.build().toString());
        if (r.status() != 201) {
            throw new AssertionError("creating an account answered " + r.status() + " " + r.body());
        }
        return new Login(r.json().getString("id"), username, password, token(username, password), organisationId);
    }

    public static String unique() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }
}
