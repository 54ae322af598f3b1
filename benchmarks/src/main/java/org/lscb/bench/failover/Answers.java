package org.lscb.bench.failover;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Predicate;

/**
 * Sends the load's requests and records every answer: when it was asked (nanoseconds of this JVM's clock), in
 * which phase of the test, what kind of request, the status (0 when no HTTP answer came: a refused or cut
 * connection, a timeout), the error code of the JSON error shape, {@code Retry-After}, and how long it took.
 */
final class Answers {

    /** No answer within this is a failed request: a node held by a dead database must not hold callers longer. */
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

    record Answer(
            long startedNanos,
            long endedNanos,
            String phase,
            String kind,
            int status,
            String error,
            String retryAfter,
            String failure) {

        long millis() {
            return (endedNanos - startedNanos) / 1_000_000;
        }

        boolean ok() {
            return status / 100 == 2;
        }
    }

    /** An answer with its body, for the caller to read; the body is decoded as text once, when first read. */
    static final class Reply {
        private final Answer answer;
        private final byte[] body;
        private String text;

        private Reply(Answer answer, byte[] body, String text) {
            this.answer = answer;
            this.body = body;
            this.text = text;
        }

        Answer answer() {
            return answer;
        }

        int status() {
            return answer.status();
        }

        byte[] body() {
            return body;
        }

        String text() {
            if (text == null) {
                text = new String(body, StandardCharsets.UTF_8);
            }
            return text;
        }

        JsonObject json() {
            return Json.createReader(new StringReader(text())).readObject();
        }
    }

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final ConcurrentLinkedQueue<Answer> all = new ConcurrentLinkedQueue<>();
    private volatile String phase = "setup";

    HttpClient http() {
        return http;
    }

    void phase(String name) {
        phase = name;
    }

    /** Sends a request built for {@code url}, records its answer (or failure) under {@code kind}. */
    Reply send(String kind, HttpRequest.Builder request) {
        String at = phase;
        long started = System.nanoTime();
        try {
            HttpResponse<byte[]> r =
                    http.send(request.timeout(REQUEST_TIMEOUT).build(), HttpResponse.BodyHandlers.ofByteArray());
            long ended = System.nanoTime();
            String text = null;
            String error = null;
            if (r.statusCode() >= 400
                    && r.headers().firstValue("Content-Type").orElse("").startsWith("application/json")) {
                text = new String(r.body(), StandardCharsets.UTF_8);
                try {
                    error = Json.createReader(new StringReader(text))
                            .readObject()
                            .getString("error", null);
                } catch (RuntimeException notTheErrorShape) {
                    error = "(not the error shape)";
                }
            }
            Answer a = new Answer(
                    started,
                    ended,
                    at,
                    kind,
                    r.statusCode(),
                    error,
                    r.headers().firstValue("Retry-After").orElse(null),
                    null);
            all.add(a);
            return new Reply(a, r.body(), text);
        } catch (IOException e) {
            Answer a = new Answer(
                    started,
                    System.nanoTime(),
                    at,
                    kind,
                    0,
                    null,
                    null,
                    e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")"));
            all.add(a);
            return new Reply(a, new byte[0], null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            Answer a = new Answer(started, System.nanoTime(), at, kind, 0, null, null, "interrupted");
            return new Reply(a, new byte[0], null);
        }
    }

    static HttpRequest.Builder get(String url, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).GET();
        return token == null ? b : b.header("Authorization", "Bearer " + token);
    }

    static HttpRequest.Builder postJson(String url, String token, String json) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        return token == null ? b : b.header("Authorization", "Bearer " + token);
    }

    List<Answer> where(Predicate<Answer> p) {
        List<Answer> out = new ArrayList<>();
        for (Answer a : all) {
            if (p.test(a)) {
                out.add(a);
            }
        }
        out.sort(java.util.Comparator.comparingLong(Answer::startedNanos));
        return out;
    }

    Optional<Answer> first(Predicate<Answer> p) {
        return where(p).stream().findFirst();
    }
}
