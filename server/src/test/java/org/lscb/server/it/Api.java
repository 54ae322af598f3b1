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

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

    private final String base;
    private final String adminPassword;

    public Api(String base, String adminPassword) {
        this.base = base;
        this.adminPassword = adminPassword;
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

    public record Login(String id, String username, String password, String token, String organisationId) {
    }

    public String baseUrl() {
        return base;
    }

    /** The same administrator against another server on the same database (or seeding a new one with this password). */
    public Api at(String otherBase) {
        return new Api(otherBase, adminPassword);
    }

    public String adminPassword() {
        return adminPassword;
    }

    public String adminToken() {
        return token("admin", adminPassword);
    }

    public String token(String username, String password) {
        Reply r = signIn(username, password);
        if (r.status() != 200) {
            throw new AssertionError("sign-in of " + username + " answered " + r.status() + " " + r.body());
        }
        return r.json().getString("access_token");
    }

    public Reply signIn(String username, String password) {
        JsonObject body = Json.createObjectBuilder().add("username", username).add("password", password).build();
        return post("/api/v1/auth/token", null, body.toString());
    }

    public Reply get(String path, String token) {
        return send(request(path, token).GET());
    }

    public Reply post(String path, String token, String json) {
        return send(request(path, token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    public Reply send(String method, String path, String token, String contentType, byte[] body) {
        HttpRequest.Builder b = request(path, token);
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        return send(b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    /** A download: the status and the raw bytes of the body. */
    public record Bytes(int status, byte[] body, java.net.http.HttpHeaders headers) {
    }

    public Bytes getBytes(String path, String token) {
        try {
            HttpResponse<byte[]> r = HTTP.send(request(path, token).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
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
        JsonObject body = Json.createObjectBuilder().add("name", kind + " " + unique()).add("kind", kind).add("area", "Testshire").build();
        Reply r = post("/api/v1/organisations", adminToken(), body.toString());
        if (r.status() != 201) {
            throw new AssertionError("creating an organisation answered " + r.status() + " " + r.body());
        }
        return r.json().getString("id");
    }

    /** A new account with one role in a new organisation of a fitting kind, signed in. */
    public Login newAccount(String role) {
        String kind = switch (role) {
            case "LSCB_OFFICER" -> "LSCB";
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
        var b = Json.createObjectBuilder().add("username", username).add("displayName", "Test " + role)
                .add("roles", Json.createArrayBuilder().add(role)).add("password", password);
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
