package org.lscb.server.web.crypto;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.lscb.server.it.browser.Browser;
import org.openqa.selenium.JavascriptExecutor;

/**
 * The pages' ES modules in a real browser, without the server: one headless Debian Chromium for the whole
 * test run, on a page of a loopback JDK {@link HttpServer} that serves the source folder of the modules at
 * {@code /assets/} (an edited module needs no rebuild) and test fixtures at {@code /fixtures/}. The page is
 * on 127.0.0.1, which browsers count as a secure context, so WebCrypto is there as on the real service.
 *
 * <p>A test takes a {@code ModuleBrowser} parameter and calls into the modules with {@link #call} or runs a
 * script with {@link #run}. Bytes cross as {@code {"$bytes": base64}} both ways ({@link #bytes}, {@link
 * #bytesOf}); a script's thrown error comes back as {@link ScriptError} with the error's name and message.
 */
public final class ModuleBrowser implements ParameterResolver {

    private static final Path ASSETS = Path.of("src", "main", "resources", "web", "assets");
    private static final Path FIXTURES = Path.of("src", "test", "resources", "web", "crypto");
    private static final String PAGE = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
            + "<title>modules</title></head><body><h1>modules</h1></body></html>";

    /**
     * Runs in the page: imports modules by name from /assets/, revives {"$bytes"} arguments, awaits the async
     * body, and hands back its result (or its error) in the same form. {@code globalThis.kept} survives between
     * calls, for keys a test makes once and uses in several scripts.
     */
    private static final String RUNNER = """
            const [body, args, done] = arguments;
            const load = (name) => import('/assets/' + name);
            const fromB64 = (s) => Uint8Array.from(atob(s), (c) => c.charCodeAt(0));
            const toB64 = (b) => { let s = ''; for (let i = 0; i < b.length; i += 0x8000) s += String.fromCharCode(...b.subarray(i, i + 0x8000)); return btoa(s); };
            const revive = (v) => v === null || typeof v !== 'object' ? v
              : Array.isArray(v) ? v.map(revive)
              : ('$bytes' in v) ? fromB64(v.$bytes)
              : Object.fromEntries(Object.entries(v).map(([k, x]) => [k, revive(x)]));
            const out = (v) => v instanceof Uint8Array ? { $bytes: toB64(v) }
              : v instanceof ArrayBuffer ? { $bytes: toB64(new Uint8Array(v)) }
              : v instanceof Date ? v.toISOString()
              : typeof v === 'bigint' ? v.toString()
              : v === null || typeof v !== 'object' ? v
              : Array.isArray(v) ? v.map(out)
              : (typeof CryptoKey !== 'undefined' && v instanceof CryptoKey) ? { $key: v.algorithm.name }
              : Object.fromEntries(Object.entries(v).map(([k, x]) => [k, out(x)]));
            globalThis.kept ??= {};
            (async () => {
              const f = new (Object.getPrototypeOf(async function () {}).constructor)('args', 'load', 'kept', body);
              return f(revive(args), load, globalThis.kept);
            })().then(
              (r) => done({ ok: out(r === undefined ? null : r) }),
              (e) => done({ error: { name: (e && e.name) || 'Error', message: (e && e.message) || String(e) } }));
            """;

    private static ModuleBrowser shared;

    private final HttpServer server;
    private final Browser browser;

    private ModuleBrowser() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/assets/", ex -> serveFile(ex, ASSETS, "/assets/"));
        server.createContext("/fixtures/", ex -> serveFile(ex, FIXTURES, "/fixtures/"));
        server.createContext(
                "/", ex -> send(ex, 200, "text/html; charset=utf-8", PAGE.getBytes(StandardCharsets.UTF_8)));
        server.start();
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        browser = Browser.open(base);
        browser.driver().manage().timeouts().scriptTimeout(Duration.ofMinutes(5));
        browser.go("/");
        Runtime.getRuntime().addShutdownHook(new Thread(this::close));
    }

    private static synchronized ModuleBrowser shared() throws IOException {
        if (shared == null) {
            shared = new ModuleBrowser();
        }
        return shared;
    }

    /**
     * Runs {@code body} as the body of an async function with {@code args} (the arguments, bytes revived),
     * {@code load(name)} (imports a module from /assets/) and {@code kept} (an object kept between scripts) in
     * scope, and answers what it returns: maps, lists, strings, numbers, booleans, and {@code {"$bytes"}} maps.
     */
    public Object run(String body, Object... args) {
        Object answer = ((JavascriptExecutor) browser.driver()).executeAsyncScript(RUNNER, body, List.of(args));
        @SuppressWarnings("unchecked")
        Map<String, Object> result = (Map<String, Object>) answer;
        if (result.containsKey("error")) {
            @SuppressWarnings("unchecked")
            Map<String, Object> e = (Map<String, Object>) result.get("error");
            throw new ScriptError(String.valueOf(e.get("name")), String.valueOf(e.get("message")));
        }
        return result.get("ok");
    }

    /** Calls a module's exported (async or not) function with the arguments and answers its result. */
    public Object call(String module, String function, Object... args) {
        return run(
                "const m = await load(" + jsString(module) + "); return await m[" + jsString(function) + "](...args);",
                args);
    }

    /** Bytes as a script argument. */
    public static Map<String, Object> bytes(byte[] b) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("$bytes", Base64.getEncoder().encodeToString(b));
        return m;
    }

    /** Bytes a script answered (a {@code {"$bytes"}} map). */
    public static byte[] bytesOf(Object answer) {
        if (!(answer instanceof Map<?, ?> m) || !(m.get("$bytes") instanceof String s)) {
            throw new AssertionError("expected bytes from the script, got " + answer);
        }
        return Base64.getDecoder().decode(s);
    }

    /** A list of byte arrays as one script argument. */
    public static List<Map<String, Object>> bytesList(List<byte[]> list) {
        List<Map<String, Object>> out = new ArrayList<>();
        list.forEach(b -> out.add(bytes(b)));
        return out;
    }

    /** An error a script threw: the JavaScript error's name (its class) and message. */
    public static final class ScriptError extends RuntimeException {
        private final String name;

        ScriptError(String name, String message) {
            super(name + ": " + message);
            this.name = name;
        }

        public String name() {
            return name;
        }

        /** The JavaScript error's message alone. */
        public String text() {
            return getMessage().substring(name.length() + 2);
        }
    }

    private static String jsString(String s) {
        return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    private static void serveFile(HttpExchange ex, Path root, String prefix) throws IOException {
        String name = ex.getRequestURI().getPath().substring(prefix.length());
        Path file = root.resolve(name).normalize();
        if (!file.startsWith(root) || !Files.isRegularFile(file)) {
            send(ex, 404, "text/plain", "not found".getBytes(StandardCharsets.UTF_8));
            return;
        }
        String type = name.endsWith(".js") ? "text/javascript; charset=utf-8" : "application/octet-stream";
        send(ex, 200, type, Files.readAllBytes(file));
    }

    private static void send(HttpExchange ex, int status, String type, byte[] body) throws IOException {
        ex.getResponseHeaders().set("Content-Type", type);
        ex.getResponseHeaders().set("Cache-Control", "no-store");
        ex.sendResponseHeaders(status, body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
    }

    private void close() {
        browser.close();
        server.stop(0);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext extension) {
        return parameter.getParameter().getType() == ModuleBrowser.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext extension) {
        try {
            return shared();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the module browser", e);
        }
    }
}
