package org.lscb.client;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.net.ConnectException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

/** The server's HTTP API as the client uses it; every failure becomes one sentence. */
final class ServerApi {

    private final String base;
    private final String token;

    ServerApi(String base, String token) {
        this.base = base.replaceAll("/+$", "");
        this.token = token;
    }

    /** The same server with another token. */
    ServerApi withToken(String other) {
        return new ServerApi(base, other);
    }

    /**
     * The token answer: {@code access_token}, and {@code next} = {@code enrol_totp} when the token can only set
     * up two-factor sign-in. A sign-in that needs a one-time code and got none throws {@link OtpRequired}.
     */
    JsonObject signIn(String username, char[] password, String otp) {
        var b = Json.createObjectBuilder().add("username", username).add("password", new String(password));
        if (otp != null) {
            b.add("otp", otp);
        }
        return json(exchange(
                        open("/api/v1/auth/token", "POST"),
                        "Content-Type",
                        "application/json",
                        b.build().toString().getBytes(StandardCharsets.UTF_8)))
                .asJsonObject();
    }

    /** The account signs in with a one-time code as well, and none was given. */
    static final class OtpRequired extends ClientException {
        OtpRequired() {
            super(
                    "this account needs a one-time code from its authenticator app: give --otp or LSCB_OTP, or run in a terminal");
        }
    }

    String text(String path, String accept) {
        return exchange(connection(path, "GET"), "Accept", accept, null);
    }

    JsonValue get(String path) {
        return json(exchange(connection(path, "GET"), "Accept", "application/json", null));
    }

    JsonValue post(String path, String contentType, byte[] body) {
        return json(exchange(connection(path, "POST"), "Content-Type", contentType, body));
    }

    JsonValue put(String path, String contentType, byte[] body) {
        return json(exchange(connection(path, "PUT"), "Content-Type", contentType, body));
    }

    String postText(String path, String contentType, String body) {
        return exchange(connection(path, "POST"), "Content-Type", contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * One small request: its 2xx body, or the error's sentence. Every call goes through
     * {@link java.net.HttpURLConnection}: the JDK's newer HTTP client takes several times longer to make its
     * first request in a fresh JVM, and every command of the client is a fresh JVM.
     */
    private String exchange(java.net.HttpURLConnection c, String header, String value, byte[] body) {
        try {
            c.setRequestProperty(header, value);
            if (body != null) {
                c.setDoOutput(true);
                try (OutputStream out = c.getOutputStream()) {
                    out.write(body);
                }
            }
            return answer(c);
        } catch (ConnectException e) {
            throw unreachable(e);
        } catch (IOException e) {
            throw new ClientException("the connection to " + base + " failed: " + e.getMessage(), e);
        } finally {
            c.disconnect();
        }
    }

    /**
     * Uploads {@code body} with the given {@code Content-Digest} (RFC 9530), streamed (chunked) without holding it
     * in memory. Large transfers use {@link java.net.HttpURLConnection}, which moves bytes several times faster
     * than the JDK's newer HTTP client. Chunked rather than of fixed length: when the server refuses before it has
     * read the body (401, 413), a fixed-length stream cut short hides the server's answer behind "incomplete
     * output stream", while a chunked one still lets it be read.
     */
    JsonValue postWithDigest(String path, String contentType, String contentDigest, InputStream body) {
        java.net.HttpURLConnection c = connection(path, "POST");
        try {
            c.setDoOutput(true);
            c.setChunkedStreamingMode(1 << 20);
            c.setRequestProperty("Content-Type", contentType);
            c.setRequestProperty("Content-Digest", contentDigest);
            // the chunked stream gathers each 1 MiB chunk itself: a buffer in front of it would only copy every byte
            // once more
            try (OutputStream out = c.getOutputStream()) {
                byte[] buf = new byte[1 << 20];
                int n;
                while ((n = body.read(buf)) >= 0) {
                    out.write(buf, 0, n);
                }
            }
            return json(answer(c));
        } catch (ConnectException e) {
            throw unreachable(e);
        } catch (IOException e) {
            throw new ClientException("sending failed: " + e.getMessage(), e);
        } finally {
            c.disconnect();
        }
    }

    /** Downloads to a temporary file beside {@code target} and renames it only when complete. */
    long download(String path, Path target, Progress progress) {
        Path partial = null;
        java.net.HttpURLConnection c = connection(path, "GET");
        try {
            Path dir = target.toAbsolutePath().getParent();
            partial = Files.createTempFile(dir, ".download-", ".part");
            int status = c.getResponseCode();
            if (status / 100 != 2) {
                answer(c);
            }
            long n;
            try (InputStream in = progress.reading(c.getInputStream(), c.getContentLengthLong(), "fetching");
                    OutputStream out = Files.newOutputStream(partial)) {
                byte[] buf = new byte[1 << 20];
                long total = 0;
                int r;
                while ((r = in.read(buf)) >= 0) {
                    out.write(buf, 0, r);
                    total += r;
                }
                n = total;
            }
            long expected = c.getContentLengthLong();
            if (expected >= 0 && n != expected) {
                throw new ClientException(
                        "download cut off after " + n + " of " + expected + " bytes; nothing was kept");
            }
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            partial = null;
            return n;
        } catch (ConnectException e) {
            throw unreachable(e);
        } catch (IOException e) {
            throw new ClientException("download failed: " + e.getMessage(), e);
        } finally {
            c.disconnect();
            if (partial != null) {
                try {
                    Files.deleteIfExists(partial);
                } catch (IOException ignored) {
                    // best effort
                }
            }
        }
    }

    private java.net.HttpURLConnection connection(String path, String method) {
        if (token == null) {
            throw new ClientException("not signed in: run 'lscb login' first");
        }
        java.net.HttpURLConnection c = open(path, method);
        c.setRequestProperty("Authorization", "Bearer " + token);
        return c;
    }

    private java.net.HttpURLConnection open(String path, String method) {
        try {
            java.net.HttpURLConnection c =
                    (java.net.HttpURLConnection) URI.create(base + path).toURL().openConnection();
            c.setRequestMethod(method);
            c.setInstanceFollowRedirects(false);
            c.setConnectTimeout(10_000);
            c.setReadTimeout((int) Duration.ofMinutes(30).toMillis());
            return c;
        } catch (IOException | IllegalArgumentException e) {
            throw new ClientException("the server address " + base + " cannot be used: " + e.getMessage(), e);
        }
    }

    /** The body of a 2xx answer; any other status becomes the error's sentence. */
    private String answer(java.net.HttpURLConnection c) throws IOException {
        int status;
        try {
            status = c.getResponseCode();
        } catch (java.net.HttpRetryException e) {
            // a streamed body answered with 401 or a redirect: the connection cannot resend it, and need not
            throw new ClientException(explain(e.responseCode(), ""));
        }
        if (status / 100 == 2) {
            try (InputStream in = c.getInputStream()) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        }
        String body = "";
        try (InputStream err = c.getErrorStream()) {
            if (err != null) {
                body = new String(err.readNBytes(65536), StandardCharsets.UTF_8);
            }
        }
        if (status == 401 && "otp_required".equals(errorCode(body))) {
            throw new OtpRequired();
        }
        throw new ClientException(explain(status, body));
    }

    private ClientException unreachable(ConnectException e) {
        return new ClientException("cannot reach the server at " + base + " (is it running, is the address right?)", e);
    }

    private static String errorCode(String body) {
        try {
            return json(body).asJsonObject().getString("error", null);
        } catch (RuntimeException notJson) {
            return null;
        }
    }

    private static String explain(int status, String body) {
        try {
            JsonObject e = json(body).asJsonObject();
            String message = e.getString("message", e.getString("error", ""));
            return switch (status) {
                case 401 -> "not signed in or the sign-in expired: run 'lscb login' (" + message + ")";
                case 404 -> "not found, or not yours to see (" + message + ")";
                default -> "the server refused (" + status + " " + e.getString("error", "") + "): " + message;
            };
        } catch (RuntimeException notJson) {
            return switch (status) {
                case 401 -> "not signed in or the sign-in expired: run 'lscb login'";
                case 404 -> "not found, or not yours to see";
                default -> "the server answered " + status;
            };
        }
    }

    static JsonValue json(String text) {
        return Json.createReader(new StringReader(text)).readValue();
    }
}
