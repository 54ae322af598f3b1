package org.lscb.server.it.browser;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The web pages as plain HTTP, for what a browser test cannot do: posting a form without its token, or with
 * another session's. Keeps the cookies the server sets as a browser would (the JDK's cookie store will not send
 * a Secure cookie to http://127.0.0.1, browsers do) and follows no redirect.
 */
public final class PageClient {

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

    private final String base;
    private final Map<String, String> cookies = new LinkedHashMap<>();

    public PageClient(String base) {
        this.base = base;
    }

    public record Answer(int status, String body, String location, java.net.http.HttpHeaders headers) {}

    public Answer get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    /** Posts a URL-encoded form; the fields are sent as given, so a test chooses the csrf field or leaves it out. */
    public Answer post(String path, Map<String, String> fields) {
        String form = fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    public Answer postRaw(String path, String contentType, String body) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** Posts a body of bytes as it is, such as a file upload's multipart form. */
    public Answer postBytes(String path, String contentType, byte[] body) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    /** The Cookie header this client sends, for a test that writes its request by hand. */
    public String cookieHeader() {
        return cookies.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("; "));
    }

    /** Forgets a cookie, as a browser whose store lost it would. */
    public void forget(String cookie) {
        cookies.remove(cookie);
    }

    /** The CSRF token of the form on a page this session opens. */
    public String csrfOf(String path) {
        Matcher m = CSRF.matcher(get(path).body());
        if (!m.find()) {
            throw new AssertionError(path + " has no form with a CSRF token");
        }
        return m.group(1);
    }

    /** Signs in through the pages: the password, then the code where one is asked for. */
    public void signIn(String username, String password, java.util.function.Supplier<String> code) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("csrf", csrfOf("/sign-in"));
        form.put("username", username);
        form.put("password", password);
        Answer a = post("/sign-in", form);
        if ("/sign-in/code".equals(a.location())) {
            a = post("/sign-in/code", Map.of("csrf", csrfOf("/sign-in/code"), "code", code.get()));
        }
        if (a.status() != 303 || !"/".equals(a.location())) {
            throw new AssertionError("signing in answered " + a.status() + " to " + a.location());
        }
    }

    /** A file the page offers for download: its bytes and the headers that describe it. */
    public record Download(int status, byte[] body, String contentType, String contentDisposition) {}

    public Download download(String path) {
        HttpResponse<byte[]> r = exchange(
                HttpRequest.newBuilder(URI.create(base + path)).GET(), HttpResponse.BodyHandlers.ofByteArray());
        return new Download(
                r.statusCode(),
                r.body(),
                r.headers().firstValue("content-type").orElse(null),
                r.headers().firstValue("content-disposition").orElse(null));
    }

    private Answer send(HttpRequest.Builder b) {
        HttpResponse<String> r = exchange(b, HttpResponse.BodyHandlers.ofString());
        return new Answer(
                r.statusCode(), r.body(), r.headers().firstValue("location").orElse(null), r.headers());
    }

    private <T> HttpResponse<T> exchange(HttpRequest.Builder b, HttpResponse.BodyHandler<T> handler) {
        if (!cookies.isEmpty()) {
            b.header("Cookie", cookieHeader());
        }
        try {
            HttpResponse<T> r = HTTP.send(b.timeout(Duration.ofSeconds(60)).build(), handler);
            for (String header : r.headers().allValues("set-cookie")) {
                String pair = header.split(";", 2)[0];
                String name = pair.substring(0, pair.indexOf('='));
                String value = pair.substring(pair.indexOf('=') + 1);
                if (value.isEmpty() || header.toLowerCase(java.util.Locale.ROOT).contains("max-age=0")) {
                    cookies.remove(name);
                } else {
                    cookies.put(name, value);
                }
            }
            return r;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
