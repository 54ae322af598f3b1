package org.lscb.client;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.StringReader;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

/** The server's HTTP API as the client uses it; every failure becomes one sentence. */
final class ServerApi {

    /** Writes a request body, such as an envelope being sealed as it is sent. */
    interface BodyWriter {
        void writeTo(OutputStream out) throws IOException;
    }

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final String base;
    private final String token;

    ServerApi(String base, String token) {
        this.base = base.replaceAll("/+$", "");
        this.token = token;
    }

    String signIn(String username, char[] password) {
        String body = Json.createObjectBuilder().add("username", username).add("password", new String(password)).build().toString();
        HttpResponse<String> r = send(request("/api/v1/auth/token").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        return json(r.body()).asJsonObject().getString("access_token");
    }

    String text(String path, String accept) {
        return send(authorised(path).header("Accept", accept).GET().build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    JsonValue get(String path) {
        return json(send(authorised(path).header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString()).body());
    }

    JsonValue post(String path, String contentType, byte[] body) {
        return json(send(authorised(path).header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                HttpResponse.BodyHandlers.ofString()).body());
    }

    String postText(String path, String contentType, String body) {
        return send(authorised(path).header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    /** Streams what {@code writer} produces as the request body, without holding it in memory. */
    JsonValue postStream(String path, String contentType, BodyWriter writer) {
        try {
            PipedInputStream in = new PipedInputStream(1 << 20);
            PipedOutputStream out = new PipedOutputStream(in);
            AtomicReference<Throwable> failed = new AtomicReference<>();
            Thread producer = new Thread(() -> {
                try (out) {
                    writer.writeTo(out);
                } catch (Throwable e) {
                    failed.set(e);
                }
            }, "lscb-upload");
            producer.setDaemon(true);
            producer.start();
            try {
                HttpResponse<String> r = send(authorised(path).header("Content-Type", contentType).timeout(Duration.ofHours(6))
                        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> in)).build(), HttpResponse.BodyHandlers.ofString());
                return json(r.body());
            } finally {
                producer.join(60_000);
                if (failed.get() != null) {
                    Throwable e = failed.get();
                    throw e instanceof ClientException ce ? ce : new ClientException("sending failed: " + e.getMessage(), e);
                }
            }
        } catch (IOException e) {
            throw new ClientException("sending failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ClientException("interrupted");
        }
    }

    /** Downloads to a temporary file beside {@code target} and renames it only when complete. */
    long download(String path, Path target, Progress progress) {
        Path partial = null;
        try {
            Path dir = target.toAbsolutePath().getParent();
            partial = Files.createTempFile(dir, ".download-", ".part");
            // the HTTP client writes the file itself (much faster than reading its stream); the bar watches the file grow
            Path growing = partial;
            HttpResponse<Path> r;
            try (Progress.Watch watch = progress.watching(growing, "fetching")) {
                r = send(authorised(path).GET().build(), HttpResponse.BodyHandlers.ofFile(partial));
            }
            long n = Files.size(r.body());
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            partial = null;
            return n;
        } catch (IOException e) {
            throw new ClientException("download failed: " + e.getMessage(), e);
        } finally {
            if (partial != null) {
                try {
                    Files.deleteIfExists(partial);
                } catch (IOException ignored) {
                    // best effort
                }
            }
        }
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofMinutes(30));
    }

    private HttpRequest.Builder authorised(String path) {
        if (token == null) {
            throw new ClientException("not signed in: run 'lscb login' first");
        }
        return request(path).header("Authorization", "Bearer " + token);
    }

    private <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        try {
            HttpResponse<T> r = http.send(request, handler);
            if (r.statusCode() / 100 != 2) {
                throw new ClientException(explain(r));
            }
            return r;
        } catch (ConnectException e) {
            throw new ClientException("cannot reach the server at " + base + " (is it running, is the address right?)", e);
        } catch (IOException e) {
            throw new ClientException("the connection to " + base + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ClientException("interrupted");
        }
    }

    private static String explain(HttpResponse<?> r) {
        String body = "";
        try {
            Object b = r.body();
            body = b instanceof String s ? s : b instanceof InputStream in ? new String(in.readNBytes(4096), StandardCharsets.UTF_8)
                    : b instanceof Path p && Files.size(p) < 65536 ? Files.readString(p) : "";
            JsonObject e = json(body).asJsonObject();
            String message = e.getString("message", e.getString("error", ""));
            return switch (r.statusCode()) {
                case 401 -> "not signed in or the sign-in expired: run 'lscb login' (" + message + ")";
                case 404 -> "not found, or not yours to see (" + message + ")";
                default -> "the server refused (" + r.statusCode() + " " + e.getString("error", "") + "): " + message;
            };
        } catch (RuntimeException | IOException notJson) {
            return "the server answered " + r.statusCode();
        }
    }

    static JsonValue json(String text) {
        return Json.createReader(new StringReader(text)).readValue();
    }
}
