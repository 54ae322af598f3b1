package org.lscb.bench;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import org.apache.commons.codec.binary.Base32;
import org.lscb.identity.account.TotpCodes;

/**
 * Signs a benchmark's accounts in as a person would: an administrator or officer signing in for the first
 * time sets up two-factor sign-in with the token their password gives, and the confirmation answers the
 * full token.
 */
public final class BenchSignIn {

    /** The password of the accounts a benchmark makes (the password policy refuses one that contains the username). */
    public static final String PASSWORD = "plankton orbit velvet marmalade";

    /** Secrets and the last TOTP step each account used: the server accepts every step once. */
    private static final java.util.Map<String, String> SECRETS = new java.util.concurrent.ConcurrentHashMap<>();

    private static final java.util.Map<String, Long> LAST_STEP = new java.util.concurrent.ConcurrentHashMap<>();

    private BenchSignIn() {}

    /** The code of the next step this account has not used (the current one, or the one after it). */
    public static String nextCode(String user) {
        TotpCodes codes = new TotpCodes();
        long step = LAST_STEP.merge(user, codes.stepOf(Instant.now()), (last, now) -> Math.max(now, last + 1));
        return codes.codeAt(new Base32().decode(SECRETS.get(user)), Instant.ofEpochSecond(step * 30));
    }

    public static String token(HttpClient http, String base, String user, String password) throws Exception {
        JsonObject answer = send(
                http,
                base,
                null,
                "/api/v1/auth/token",
                Json.createObjectBuilder()
                        .add("username", user)
                        .add("password", password)
                        .build()
                        .toString(),
                200);
        if (!"enrol_totp".equals(answer.getString("next", null))) {
            return answer.getString("access_token");
        }
        String limited = answer.getString("access_token");
        String secret =
                send(http, base, limited, "/api/v1/auth/totp", "{}", 201).getString("secret");
        SECRETS.put(user, secret);
        String code = nextCode(user);
        return send(
                        http,
                        base,
                        limited,
                        "/api/v1/auth/totp/confirm",
                        Json.createObjectBuilder().add("otp", code).build().toString(),
                        200)
                .getString("access_token");
    }

    /** Makes an account with {@link #PASSWORD}, as the administrator whose token this is. */
    public static void account(
            HttpClient http, String base, String adminToken, String name, String role, String organisationId)
            throws Exception {
        send(
                http,
                base,
                adminToken,
                "/api/v1/accounts",
                Json.createObjectBuilder()
                        .add("username", name)
                        .add("displayName", name)
                        .add("roles", Json.createArrayBuilder().add(role))
                        .add("organisationId", organisationId)
                        .add("password", PASSWORD)
                        .build()
                        .toString(),
                201);
    }

    private static JsonObject send(HttpClient http, String base, String token, String path, String json, int expected)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != expected) {
            throw new IllegalStateException(path + " answered " + r.statusCode() + ": " + r.body());
        }
        return Json.createReader(new StringReader(r.body())).readObject();
    }
}
