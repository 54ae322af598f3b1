package org.lscb.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.lscb.envelope.Envelopes;
import org.lscb.envelope.Identity;
import org.lscb.exchange.pki.DeploymentCa;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Issue 19: sealing and opening a document in headless Chromium with the pages' own modules ({@code cms.js},
 * {@code pkcs10.js}) against the envelope library as {@code lscb send} and {@code lscb open} call it, on the same
 * machine in one run.
 * <ul>
 * <li>Keys: a fresh {@link DeploymentCa} issues an RSA-3072 author, an RSA-3072 and an EC P-256 recipient; the page
 *     imports them with {@code importPrivateKey} as non-extractable WebCrypto keys.</li>
 * <li>Browser: Debian's Chromium on a page of a loopback JDK {@link HttpServer} that serves the modules from their
 *     folder. The page makes the document itself ({@code crypto.getRandomValues} in 64 KiB slices), so nothing
 *     crosses between Java and the browser while it is timed. Each round times {@code seal} to both recipients and
 *     {@code open} as the RSA recipient with {@code performance.now()}, checks the opened bytes, then collects
 *     garbage ({@code --js-flags=--expose-gc}, outside the timing) so that each round starts from the document
 *     alone, as a page that seals once does; then it times the WebCrypto primitives alone on the document
 *     (SHA-256, AES-256-GCM encrypt and decrypt, one copy), for where the time goes.</li>
 * <li>Browser memory: the peak resident memory (VmHWM in {@code /proc/<pid>/status}, set back to the resident
 *     memory before each seal and each open by writing 5 to {@code clear_refs}) of the renderer holding the page:
 *     of the processes under chromedriver whose command line has {@code --type=renderer}, the one whose resident
 *     memory grew by at least half the document while the page made it. The page keeps the document through the
 *     open too, to check the opened bytes.</li>
 * <li>Java: {@code Sealer.seal} from the document's file into an envelope file and {@code Opener.open} of that
 *     envelope into a file with the CA as issuer, as {@code lscb send} (before it uploads) and {@code lscb open}
 *     call them, in this JVM after warming up on at least 256 MiB. The whole commands need a server (pinned CA,
 *     recipients, revocation status, upload); the exchange benchmark measures them.</li>
 * </ul>
 * Browser and Java take turns to go first, round by round. Goal: the browser's MB/s at least half the client's,
 * for sealing and for opening.
 */
public final class BrowserCryptoBenchmark {

    private static final String PAGE = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
            + "<title>benchmark</title></head><body><h1>benchmark</h1></body></html>";

    /** Runs a script as an async function of {@code args} and {@code page} (kept between scripts). */
    private static final String RUNNER = """
            const [body, args, done] = arguments;
            globalThis.bench ??= {};
            (async () => new (Object.getPrototypeOf(async function () {}).constructor)('args', 'page', body)(args, globalThis.bench))()
              .then((r) => done({ ok: r === undefined ? null : r }),
                    (e) => done({ error: (e && e.name) + ': ' + (e && e.message) }));
            """;

    private static final String SETUP = """
            const [mib, ca, keys] = args;
            const bytes = (s) => Uint8Array.from(atob(s), (c) => c.charCodeAt(0));
            page.cms = await import('/assets/cms.js');
            const { importPrivateKey } = await import('/assets/pkcs10.js');
            page.ca = bytes(ca);
            for (const [name, key] of Object.entries(keys)) {
              const certificate = bytes(key.certificate);
              page[name] = { certificate, ...(await importPrivateKey(bytes(key.pkcs8), certificate)) };
            }
            page.plaintext = new Uint8Array(mib * 1048576);
            for (let i = 0; i < page.plaintext.length; i += 65536) crypto.getRandomValues(page.plaintext.subarray(i, i + 65536));
            """;

    /**
     * Seals the document to both recipients as the send page does ({@code sealParts}, whose pieces the page uploads
     * as one Blob without joining them), keeping the joined envelope, outside the timing, for {@link #OPEN};
     * answers the milliseconds.
     */
    private static final String SEAL = """
            const { cms, plaintext, author } = page;
            const t = performance.now();
            const parts = await cms.sealParts({ plaintext, signer: { signingKey: author.sign, certificate: author.certificate },
              recipients: [page.rsa.certificate, page.ec.certificate] });
            const ms = performance.now() - t;
            page.envelope = new Uint8Array(await new Blob(parts).arrayBuffer());
            return { ms, bytes: page.envelope.length };
            """;

    /** Opens the envelope as {@code args[0]} ('rsa' or 'ec') and checks the bytes; answers the milliseconds. */
    private static final String OPEN = """
            const [who] = args;
            const { cms, plaintext, envelope } = page;
            const t = performance.now();
            const opened = await cms.open({ envelope, me: { decryptionKey: page[who].decrypt, certificate: page[who].certificate },
              ca: page.ca, isRevoked: async () => false });
            const ms = performance.now() - t;
            let same = opened.plaintext.length === plaintext.length;
            for (let i = 0; same && i < plaintext.length; i++) same = opened.plaintext[i] === plaintext[i];
            if (!same) throw new Error('the opened document differs from the sealed one');
            return { ms, signer: opened.signer.subject };
            """;

    private static final String PRIMITIVES = """
            const { plaintext } = page;
            const timed = async (f) => { const t = performance.now(); await f(); return performance.now() - t; };
            const key = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
            const iv = crypto.getRandomValues(new Uint8Array(12));
            let sealed;
            return {
              'SHA-256': await timed(() => crypto.subtle.digest('SHA-256', plaintext)),
              'AES-GCM encrypt': await timed(async () => { sealed = await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, plaintext); }),
              'AES-GCM decrypt': await timed(() => crypto.subtle.decrypt({ name: 'AES-GCM', iv }, key, sealed)),
              'one copy': await timed(async () => plaintext.slice()),
            };
            """;

    /** Selenium warns that it has no DevTools bindings for this Chromium; the benchmark uses none. */
    private static final Logger SELENIUM = Logger.getLogger("org.openqa.selenium");

    private BrowserCryptoBenchmark() {}

    public static void main(String[] args) throws Exception {
        SELENIUM.setLevel(Level.SEVERE);
        int mib = Integer.getInteger("mib", 100);
        int rounds = Integer.getInteger("rounds", 5);
        Path assets = Path.of(System.getProperty("assets", "server/src/main/resources/web/assets"))
                .toAbsolutePath();
        long size = mib * (1L << 20);
        Path work = Files.createTempDirectory("lscb-browser-bench");

        DeploymentCa ca = DeploymentCa.openOrCreate(
                work.resolve("ca.p12"), "benchmark".toCharArray(), "Benchmark Deployment CA", Instant.now());
        Identity author = issue(ca, "RSA", "author");
        Identity rsa = issue(ca, "RSA", "rsa-recipient");
        Identity ec = issue(ca, "EC", "ec-recipient");
        List<X509Certificate> recipients = List.of(rsa.certificate(), ec.certificate());
        Path document = work.resolve("document");
        writeRandom(document, size);

        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/assets/", ex -> serveAsset(ex, assets));
        server.createContext("/", ex -> send(ex, 200, "text/html; charset=utf-8", PAGE));
        server.start();
        Path profile = Files.createTempDirectory("lscb-chromium");
        ChromeDriver driver = chromium(profile);
        try {
            driver.manage().timeouts().scriptTimeout(Duration.ofMinutes(10));
            driver.get("http://127.0.0.1:" + server.getAddress().getPort() + "/");
            say(
                    "Browser encryption: %d MiB, %d rounds after warming up; Chromium %s; Java %s",
                    mib, rounds, driver.getCapabilities().getBrowserVersion(), System.getProperty("java.version"));

            Map<Long, Long> before = rendererRss();
            Map<String, Object> keys = new LinkedHashMap<>();
            keys.put("author", keyFor(author));
            keys.put("rsa", keyFor(rsa));
            keys.put("ec", keyFor(ec));
            run(driver, SETUP, mib, base64(ca.certificate().getEncoded()), keys);
            long renderer = pageRenderer(before, rendererRss(), size);
            long holding = status(renderer, "VmRSS");

            // the JIT compiles the streaming paths over the first few hundred MiB: Java warms on at least 256 MiB
            int javaWarmups = Math.max(2, (256 + mib - 1) / mib);
            say(
                    "Warm-up: the browser seals once and opens as the RSA and as the EC recipient; Java seals and opens"
                            + " %d times, as either recipient in turn",
                    javaWarmups);
            Map<String, Object> warm = run(driver, SEAL);
            for (String who : List.of("rsa", "ec")) {
                say(
                        "  browser: envelope %,d bytes, opened as %s, signed by %s",
                        ((Number) warm.get("bytes")).longValue(),
                        who,
                        run(driver, OPEN, who).get("signer"));
            }
            run(driver, "delete page.envelope; gc();");
            run(driver, PRIMITIVES);
            run(driver, "gc();");
            for (int i = 0; i < javaWarmups; i++) {
                javaRound(author, recipients, i % 2 == 0 ? rsa : ec, ca.certificate(), document, work);
            }

            double[][] browser = new double[2][rounds];
            double[][] java = new double[2][rounds];
            long[] peak = new long[2];
            Map<String, double[]> primitives = new TreeMap<>();
            for (int i = 0; i < rounds; i++) {
                boolean browserFirst = i % 2 == 0;
                if (!browserFirst) {
                    put(java, i, javaRound(author, recipients, rsa, ca.certificate(), document, work));
                }
                resetPeak(renderer);
                browser[0][i] = num(run(driver, SEAL), "ms");
                peak[0] = Math.max(peak[0], status(renderer, "VmHWM"));
                resetPeak(renderer);
                browser[1][i] = num(run(driver, OPEN, "rsa"), "ms");
                peak[1] = Math.max(peak[1], status(renderer, "VmHWM"));
                run(driver, "delete page.envelope; gc();");
                Map<String, Object> p = run(driver, PRIMITIVES);
                run(driver, "gc();");
                for (String k : p.keySet()) {
                    primitives.computeIfAbsent(k, x -> new double[rounds])[i] = num(p, k);
                }
                if (browserFirst) {
                    put(java, i, javaRound(author, recipients, rsa, ca.certificate(), document, work));
                }
                say(
                        "  round %d (%s first): browser seal %.0f ms, open %.0f ms; Java seal %.0f ms, open %.0f ms",
                        i + 1, browserFirst ? "browser" : "Java", browser[0][i], browser[1][i], java[0][i], java[1][i]);
            }

            say("%nMedians of %d rounds, %d MiB (MB/s: 10^6 bytes of document a second)", rounds, mib);
            String[] steps = {"seal", "open"};
            for (int s = 0; s < 2; s++) {
                double b = median(browser[s]);
                double j = median(java[s]);
                say(
                        "  browser %s  %7.0f ms  %6.0f MB/s   rounds %s",
                        steps[s], b, size / b / 1000, rounded(browser[s]));
                say("  Java    %s  %7.0f ms  %6.0f MB/s   rounds %s", steps[s], j, size / j / 1000, rounded(java[s]));
                say(
                        "  ratio   %s  browser MB/s / Java MB/s = %.2f (goal at least 0.5: %s)",
                        steps[s], j / b, j / b >= 0.5 ? "met" : "not met");
            }
            StringBuilder parts = new StringBuilder();
            primitives.forEach((k, v) -> parts.append(String.format(" %s %.0f ms,", k, median(v))));
            say("  browser primitives alone on the document (medians):%s", parts.substring(0, parts.length() - 1));
            say(
                    "Renderer pid %d, peak resident memory (VmHWM, reset before each step): seal %,d MiB, open %,d MiB;"
                            + " %,d MiB holding the page and the document before the first seal",
                    renderer, peak[0] / 1024, peak[1] / 1024, holding / 1024);
        } finally {
            driver.quit();
            server.stop(0);
            deleteTree(profile);
            deleteTree(work);
        }
    }

    // ---- the browser ----

    private static ChromeDriver chromium(Path profile) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getProperty("browser.chromium", "/usr/bin/chromium"));
        // as the server's browser tests (org.lscb.server.it.browser.Browser), plus gc() for the rounds
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--js-flags=--expose-gc",
                "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(System.getProperty("browser.chromedriver", "/usr/bin/chromedriver"))
                        .toFile())
                .usingAnyFreePort()
                .build();
        return new ChromeDriver(service, options);
    }

    /** Runs a script in the page and answers what it returned (a map, or null). */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> run(ChromeDriver driver, String body, Object... args) {
        Map<String, Object> result = (Map<String, Object>) driver.executeAsyncScript(RUNNER, body, List.of(args));
        if (result.containsKey("error")) {
            throw new IllegalStateException("in the page: " + result.get("error"));
        }
        return (Map<String, Object>) result.get("ok");
    }

    private static Map<String, String> keyFor(Identity id) throws Exception {
        return Map.of(
                "pkcs8", base64(id.privateKey().getEncoded()),
                "certificate", base64(id.certificate().getEncoded()));
    }

    /**
     * The renderer that holds the page: of the renderers under chromedriver, the one whose resident memory grew
     * the most, and by at least half the document, while the page made the document.
     */
    private static long pageRenderer(Map<Long, Long> before, Map<Long, Long> after, long documentBytes) {
        Map.Entry<Long, Long> grown = after.entrySet().stream()
                .map(e -> Map.entry(e.getKey(), e.getValue() - before.getOrDefault(e.getKey(), 0L)))
                .max(Map.Entry.comparingByValue())
                .orElseThrow(() -> new IllegalStateException("no renderer process under chromedriver"));
        if (grown.getValue() * 1024 < documentBytes / 2) {
            throw new IllegalStateException(
                    "no renderer grew by half the document: before " + before + ", after " + after + " (KiB)");
        }
        say(
                "Page renderer: pid %d, of %d renderer processes under chromedriver; its resident memory grew by"
                        + " %,d MiB while the page made the document",
                grown.getKey(), after.size(), grown.getValue() / 1024);
        return grown.getKey();
    }

    /** Sets the process's peak resident memory (VmHWM) back to its resident memory now (proc(5), clear_refs 5). */
    private static void resetPeak(long pid) throws IOException {
        Files.writeString(Path.of("/proc", Long.toString(pid), "clear_refs"), "5");
    }

    /** VmRSS in KiB of each process under chromedriver whose command line has --type=renderer, by pid. */
    private static Map<Long, Long> rendererRss() {
        Map<Long, Long> rss = new TreeMap<>();
        ProcessHandle.current()
                .descendants()
                .filter(p -> commandLine(p.pid()).split(" ", 2)[0].endsWith("chromedriver"))
                .flatMap(ProcessHandle::descendants)
                .filter(p -> commandLine(p.pid()).contains("--type=renderer"))
                .forEach(p -> rss.put(p.pid(), status(p.pid(), "VmRSS")));
        return rss;
    }

    private static String commandLine(long pid) {
        try {
            return new String(
                            Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline")), StandardCharsets.UTF_8)
                    .replace('\0', ' ');
        } catch (IOException gone) {
            return "";
        }
    }

    /** A {@code kB} field of /proc/<pid>/status, in KiB; 0 when the process is gone. */
    private static long status(long pid, String field) {
        try {
            Optional<String> line = Files.readAllLines(Path.of("/proc", Long.toString(pid), "status")).stream()
                    .filter(l -> l.startsWith(field + ":"))
                    .findFirst();
            return line.map(l -> Long.parseLong(l.replaceAll("\\D", ""))).orElse(0L);
        } catch (IOException gone) {
            return 0;
        }
    }

    private static void serveAsset(HttpExchange ex, Path assets) throws IOException {
        Path file = assets.resolve(ex.getRequestURI().getPath().substring("/assets/".length()))
                .normalize();
        if (!file.startsWith(assets) || !Files.isRegularFile(file)) {
            send(ex, 404, "text/plain", "not found");
            return;
        }
        byte[] body = Files.readAllBytes(file);
        ex.getResponseHeaders().set("Content-Type", "text/javascript; charset=utf-8");
        ex.sendResponseHeaders(200, body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
    }

    private static void send(HttpExchange ex, int status, String type, String text) throws IOException {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", type);
        ex.sendResponseHeaders(status, body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
    }

    // ---- Java ----

    /** Seals the document to the recipients and opens it as {@code me}, file to file; answers the milliseconds of each. */
    private static double[] javaRound(
            Identity author,
            List<X509Certificate> recipients,
            Identity me,
            X509Certificate ca,
            Path document,
            Path work)
            throws Exception {
        Path envelope = work.resolve("document.p7m");
        Path opened = work.resolve("opened");
        long t = System.nanoTime();
        try (InputStream in = Files.newInputStream(document);
                OutputStream out = new BufferedOutputStream(Files.newOutputStream(envelope), 64 << 10)) {
            Envelopes.sealer(author, recipients).seal(in, out);
        }
        double seal = (System.nanoTime() - t) / 1e6;
        t = System.nanoTime();
        try (InputStream in = Files.newInputStream(envelope)) {
            Envelopes.opener(me, ca).open(in, opened);
        }
        double open = (System.nanoTime() - t) / 1e6;
        if (Files.mismatch(document, opened) != -1) {
            throw new IllegalStateException("Java opened other bytes than it sealed");
        }
        Files.delete(envelope);
        Files.delete(opened);
        return new double[] {seal, open};
    }

    private static Identity issue(DeploymentCa ca, String algorithm, String name) throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance(algorithm);
        if (algorithm.equals("EC")) {
            g.initialize(new ECGenParameterSpec("secp256r1"));
        } else {
            g.initialize(3072);
        }
        var kp = g.generateKeyPair();
        X509Certificate c = ca.issueFor(
                kp.getPublic(), DeploymentCa.subject(name, "Benchmark Agency", "id-" + name), Instant.now());
        return Identity.of(kp.getPrivate(), c);
    }

    private static void writeRandom(Path file, long size) throws IOException {
        SecureRandom random = new SecureRandom();
        byte[] chunk = new byte[1 << 20];
        try (OutputStream out = Files.newOutputStream(file)) {
            for (long left = size; left > 0; left -= chunk.length) {
                random.nextBytes(chunk);
                out.write(chunk, 0, (int) Math.min(chunk.length, left));
            }
        }
    }

    // ---- figures ----

    private static void put(double[][] into, int round, double[] sealOpen) {
        into[0][round] = sealOpen[0];
        into[1][round] = sealOpen[1];
    }

    private static double num(Map<String, Object> m, String key) {
        return ((Number) m.get(key)).doubleValue();
    }

    private static double median(double[] values) {
        double[] s = values.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    private static String rounded(double[] values) {
        return Arrays.stream(values)
                .mapToObj(v -> String.format("%.0f", v))
                .toList()
                .toString();
    }

    private static String base64(byte[] b) {
        return Base64.getEncoder().encodeToString(b);
    }

    private static void deleteTree(Path root) {
        try (var files = Files.walk(root)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary folder left behind is harmless
        }
    }

    private static void say(String format, Object... args) {
        System.out.println(String.format(format, args));
    }
}
