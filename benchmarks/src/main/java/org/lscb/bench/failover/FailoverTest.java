package org.lscb.bench.failover;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.lscb.bench.BenchKeys;
import org.lscb.bench.BenchSignIn;
import org.lscb.envelope.Identity;

/**
 * Issue 22's failure test (docs/operations.md "Failover test"), run by {@code scripts/cluster-failover.sh} against
 * servers behind HAProxy that {@code scripts/lib/cluster.sh} started. A steady mixed load (agency users uploading
 * envelopes with upload ids, officers searching the reviewer register, sign-ins) runs through every phase:
 * <ol>
 *   <li>{@code steady}: all servers up;
 *   <li>{@code node-down}: one server killed with SIGKILL; a reviewer is saved meanwhile;
 *   <li>{@code node-back}: that server restarted: it must answer a search for the reviewer saved while it was down
 *       within 60 s;
 *   <li>{@code db-down}: PostgreSQL stopped: each request must be answered within 5 s with 503
 *       {@code database_unavailable} and {@code Retry-After}: every request of the load needs the database, a sign-in
 *       for the account and every other for the token's account, so a 2xx would mean a token was honoured
 *       unchecked;
 *   <li>{@code db-back}: PostgreSQL started again: requests must be answered 200 again.
 * </ol>
 * Then it checks what the service kept: every upload answered 201 (or 200 to a retry) is listed once and downloads
 * byte-identical, no upload id landed twice, an upload sent again with its id answers 200 with the same document,
 * the audit chain verifies. Each of these checks that fails prints a {@code problem:} line, and the test then exits
 * 1; the last lines it prints (also to {@code -Dresult.file}) are the result. Searches while a server is down or
 * rejoining are counted, and their errors printed, but not part of the exit status.
 */
public final class FailoverTest {

    /** Within this a request must be answered while the database is down (issue 22, "Failure test"). */
    private static final long OUTAGE_ANSWER_MILLIS = 5_000;

    private final Answers answers = new Answers();
    private final String base;
    private final String adminPassword;
    private final int killed;
    private final String killedUrl;
    private final ClusterControl cluster;
    private final String statsUrl;
    private final Duration phase;
    private final List<String> report = new ArrayList<>();

    private FailoverTest() {
        base = System.getProperty("lb.url");
        adminPassword = System.getProperty("admin.password");
        killed = Integer.getInteger("kill.node", 3);
        killedUrl = System.getProperty("kill.node.url");
        cluster = new ClusterControl(Path.of(System.getProperty("cluster.library", "scripts/lib/cluster.sh")));
        statsUrl = System.getProperty("haproxy.stats.url");
        phase = Duration.ofSeconds(Integer.getInteger("phase.seconds", 30));
    }

    public static void main(String[] args) throws Exception {
        FailoverTest test = new FailoverTest();
        boolean passed;
        try {
            passed = test.run();
        } catch (Exception | Error e) {
            // the load's threads would keep the JVM alive: end it here, with the reason
            e.printStackTrace();
            System.exit(2);
            return;
        }
        String result = String.join("\n", test.report);
        String file = System.getProperty("result.file");
        if (file != null) {
            Files.writeString(Path.of(file), result + "\n");
        }
        System.out.println(result);
        System.exit(passed ? 0 : 1);
    }

    private boolean run() throws Exception {
        // the world: a board, an agency, an officer who holds the board key, agency users, a review, reviewers
        String admin = BenchSignIn.token(answers.http(), base, "admin", adminPassword);
        String board = created(post("/api/v1/organisations", admin, "{\"name\":\"Failover LSCB\",\"kind\":\"LSCB\"}"));
        String agency =
                created(post("/api/v1/organisations", admin, "{\"name\":\"Failover Police\",\"kind\":\"POLICE\"}"));
        String officerName = "fo" + word();
        BenchSignIn.account(answers.http(), base, admin, officerName, "LSCB_OFFICER", board);
        String officer = BenchSignIn.token(answers.http(), base, officerName, BenchSignIn.PASSWORD);
        String review = created(post(
                "/api/v1/reviews",
                officer,
                "{\"type\":\"MANAGEMENT_REVIEW\",\"reference\":\"FAILOVER-" + word() + "\",\"pseudonym\":\"Child F\","
                        + "\"leadLscbId\":\"" + board + "\",\"organisationIds\":[\"" + agency + "\"],\"dates\":{}}"));
        X509Certificate boardCert =
                BenchKeys.enrolBoard(answers.http(), base, officer, BenchKeys.rsa(), "failover board");
        KeyPair authorKey = BenchKeys.ec();
        Identity author = Identity.of(authorKey.getPrivate(), BenchKeys.selfSigned(authorKey, "Failover author"));
        List<String> words = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String w = word();
            words.add(w);
            created(post("/api/v1/reviewers", officer, reviewer("Seed " + w)));
        }

        int uploaders = Integer.getInteger("uploaders", 3);
        int searchers = Integer.getInteger("searchers", 3);
        AtomicBoolean stop = new AtomicBoolean();
        ConcurrentLinkedQueue<Uploader.Upload> uploads = new ConcurrentLinkedQueue<>();
        List<Thread> load = new ArrayList<>();
        for (int i = 0; i < uploaders; i++) {
            String user = "fopolice" + i + word();
            BenchSignIn.account(answers.http(), base, admin, user, "AGENCY_USER", agency);
            // each agency user signs in through the service, as a person would
            String token = signIn(user);
            load.add(new Thread(
                    new Uploader("u" + i, answers, base, review, token, author, boardCert, stop, uploads, 8, 1000L + i),
                    "uploader-" + i));
        }
        String signInUser = "fosignin" + word();
        BenchSignIn.account(answers.http(), base, admin, signInUser, "AGENCY_USER", agency);
        for (int i = 0; i < searchers; i++) {
            int n = i;
            load.add(new Thread(() -> searchLoop(officer, words, signInUser, stop, n), "searcher-" + i));
        }
        say(
                "load: %d uploaders, %d searchers through %s; each phase %d s",
                uploaders, searchers, base, phase.toSeconds());

        answers.phase("steady");
        load.forEach(Thread::start);
        Thread.sleep(phase.toMillis());

        // a server killed under load; a reviewer saved while it is down
        answers.phase("node-down");
        long killedAt = System.nanoTime();
        cluster.run("kill_node", Integer.toString(killed));
        String missedWord = word();
        String missed = null;
        for (int t = 0; missed == null && t < 20; t++) {
            Answers.Reply r = answers.send(
                    "save-reviewer",
                    Answers.postJson(base + "/api/v1/reviewers", officer, reviewer("Missed " + missedWord)));
            if (r.status() == 201) {
                missed = r.json().getString("id");
            } else {
                Thread.sleep(500);
            }
        }
        Thread.sleep(phase.toMillis());

        // the server restarted under load: it catches up and takes traffic again
        answers.phase("node-back");
        long restartMillis;
        try {
            restartMillis = cluster.run("start_node", Integer.toString(killed));
        } catch (IllegalStateException notReady) {
            restartMillis = -1;
        }
        String missedId = missed;
        long caughtUp = awaitMillis(Duration.ofSeconds(60), () -> {
            Answers.Reply r = answers.send(
                    "search-restarted", Answers.get(killedUrl + "/api/v1/reviewers?q=" + missedWord, officer));
            return r.status() == 200 && missedId != null && r.text().contains(missedId);
        });
        long inRotation = statsUrl == null
                ? -1
                : awaitMillis(
                        Duration.ofSeconds(60),
                        () -> haproxyStatus("ready", "node" + killed).startsWith("UP"));
        Thread.sleep(phase.toMillis());

        // PostgreSQL stopped under load, then started again
        answers.phase("db-down");
        long dbStopped = System.nanoTime();
        cluster.run("stop_postgres");
        long dbStoppedDone = System.nanoTime();
        Thread.sleep(phase.toMillis());
        Map<String, Integer> health = new TreeMap<>();
        for (int i = 0; i < 3; i++) {
            Answers.Reply h = answers.send("health", Answers.get(killedUrl + "/health/ready", null));
            health.merge(h.status() + " " + reason(h), 1, Integer::sum);
        }
        answers.phase("db-back");
        long dbStarting = System.nanoTime();
        cluster.run("start_postgres");
        long dbBack = System.nanoTime();
        Thread.sleep(phase.toMillis());

        answers.phase("drain");
        stop.set(true);
        for (Thread t : load) {
            t.join(Duration.ofMinutes(6).toMillis());
        }
        answers.phase("check");

        // what the service kept
        Map<String, List<JsonObject>> listed = new HashMap<>();
        for (JsonValue v : documents(officer, review)) {
            JsonObject d = v.asJsonObject();
            listed.computeIfAbsent(d.getString("title"), k -> new ArrayList<>()).add(d);
        }
        int acknowledged = 0;
        int kept = 0;
        int duplicated = 0;
        int lost = 0;
        int retried = 0;
        int retriedOnce = 0;
        int unanswered = 0;
        int unansweredKept = 0;
        List<String> problems = new ArrayList<>();
        for (Uploader.Upload u : uploads) {
            List<JsonObject> docs = listed.getOrDefault(u.uploadId, List.of());
            if (docs.size() > 1) {
                duplicated++;
                problems.add("upload " + u.uploadId + " is listed " + docs.size() + " times");
            }
            boolean retry = u.attempts > 1 || u.echoed;
            if (retry) {
                retried++;
                if (docs.size() == 1
                        && (!u.echoed || docs.get(0).getString("id").equals(u.echoDocumentId))) {
                    retriedOnce++;
                }
            }
            if (u.echoed && (u.echoStatus != 200 || !u.documentId.equals(u.echoDocumentId))) {
                problems.add("upload " + u.uploadId + " sent again with its id answered " + u.echoStatus
                        + " with document " + u.echoDocumentId + " (first: " + u.documentId + ")");
            }
            if (!u.acknowledged) {
                unanswered++;
                unansweredKept += docs.isEmpty() ? 0 : 1;
                continue;
            }
            acknowledged++;
            if (docs.size() == 1
                    && docs.get(0).getString("id").equals(u.documentId)
                    && u.sha256.equals(docs.get(0).getString("sha256"))
                    && u.sha256.equals(downloadedSha256(officer, u.documentId))) {
                kept++;
            } else if (docs.size() <= 1) {
                lost++;
                problems.add("upload " + u.uploadId + " (document " + u.documentId + ") is "
                        + (docs.isEmpty() ? "not listed" : "listed but does not download identical"));
            }
        }
        JsonObject audit = answers.send("audit-verify", Answers.get(base + "/api/v1/audit/verify", admin))
                .json();
        boolean auditValid = audit.getBoolean("valid", false);

        // what each phase measured
        say("");
        for (String p : List.of("steady", "node-down", "node-back", "db-down", "db-back", "drain")) {
            say("phase %-9s %s", p, summary(answers.where(a -> a.phase().equals(p))));
        }
        List<Answers.Answer> searches = answers.where(a -> a.kind().equals("search"));
        List<Answers.Answer> nodeDownSearches = answers.where(a -> a.kind().equals("search")
                && a.startedNanos() >= killedAt
                && a.phase().startsWith("node"));
        say(
                "searches: %d, errors %d; while a server was down or rejoining: %d, errors %d",
                searches.size(),
                searches.stream().filter(a -> !a.ok()).count(),
                nodeDownSearches.size(),
                nodeDownSearches.stream().filter(a -> !a.ok()).count());
        say(
                "server %d: restarted and ready %s; found the reviewer saved while it was down %s; in HAProxy's rotation again after %s",
                killed,
                restartMillis < 0 ? "NEVER" : "in " + restartMillis + " ms",
                caughtUp < 0 ? "NEVER (within 60 s)" : "after " + caughtUp + " ms",
                inRotation < 0 ? "(not checked)" : inRotation + " ms");
        say(
                "uploads: %d begun, %d acknowledged, %d retried (%d landed once), %d given up unanswered (%d of them kept)",
                uploads.size(), acknowledged, retried, retriedOnce, unanswered, unansweredKept);
        say(
                "audit chain: %s, %d entries",
                auditValid ? "valid" : "INVALID at " + audit.get("firstBadIndex"), audit.getInt("entries", -1));
        if (restartMillis < 0 || caughtUp < 0) {
            problems.add(String.format(
                    "server %d did not rejoin and answer the search for the reviewer saved while it was down", killed));
        }

        // the database outage: from the stop until PostgreSQL answered again
        List<Answers.Answer> outage = answers.where(a -> a.startedNanos() >= dbStoppedDone
                && a.startedNanos() < dbStarting
                && !a.kind().equals("health"));
        long good = outage.stream()
                .filter(a -> a.status() == 503
                        && "database_unavailable".equals(a.error())
                        && a.retryAfter() != null
                        && a.millis() <= OUTAGE_ANSWER_MILLIS)
                .count();
        long slowest = outage.stream().mapToLong(Answers.Answer::millis).max().orElse(0);
        long unfit = outage.size() - good;
        if (unfit > 0) {
            problems.add(unfit + " requests during the database outage were not answered within 5 s with 503"
                    + " database_unavailable and Retry-After");
        }
        Map<String, Long> others = outage.stream()
                .filter(a -> !(a.status() == 503 && "database_unavailable".equals(a.error())))
                .collect(Collectors.groupingBy(FailoverTest::label, TreeMap::new, Collectors.counting()));
        String firstOk = answers.first(
                        a -> a.startedNanos() >= dbBack && a.ok() && !a.kind().equals("health"))
                .map(a -> (a.endedNanos() - dbBack) / 1_000_000 + " ms")
                .orElse("never");
        if (firstOk.equals("never")) {
            problems.add("no request was answered 2xx after PostgreSQL was back");
        }
        long afterErrors = answers.where(
                        a -> a.startedNanos() >= dbBack + Duration.ofSeconds(5).toNanos()
                                && a.phase().equals("db-back")
                                && !a.ok())
                .size();
        say(
                "database outage: PostgreSQL stopped in %d ms; /health/ready of server %d meanwhile: %s",
                (dbStoppedDone - dbStopped) / 1_000_000, killed, health);
        problems.forEach(p -> say("problem: %s", p));

        report.add(String.format(
                "failover: acknowledged %d, kept %d, duplicated %d, lost %d, audit %s",
                acknowledged, kept, duplicated, lost, auditValid ? "valid" : "invalid"));
        report.add(String.format(
                "database outage: %d requests, %d answered 503 database_unavailable with Retry-After within 5 s "
                        + "(slowest answer %d ms), other answers %s; first 200 %s after PostgreSQL was back, %d errors from 5 s after",
                outage.size(), good, slowest, others.isEmpty() ? "none" : others, firstOk, afterErrors));
        return problems.isEmpty() && auditValid;
    }

    /** Searches the register as an officer, with a sign-in of an agency user now and then, until stopped. */
    private void searchLoop(String officer, List<String> words, String signInUser, AtomicBoolean stop, int n) {
        try {
            for (long i = n; !stop.get(); i++) {
                if (i % 10 == 0) {
                    sendSignIn(signInUser);
                } else {
                    String q = words.get((int) (i % words.size()));
                    answers.send("search", Answers.get(base + "/api/v1/reviewers?q=" + q, officer));
                }
                Thread.sleep(50);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String label(Answers.Answer a) {
        if (a.status() == 0) {
            return a.kind() + " " + a.failure();
        }
        return a.kind() + " " + a.status() + (a.error() == null ? "" : " " + a.error());
    }

    /** Counts of a phase's answers by kind and outcome, with the slowest answer. */
    private static String summary(List<Answers.Answer> list) {
        if (list.isEmpty()) {
            return "no requests";
        }
        Map<String, Long> byLabel =
                list.stream().collect(Collectors.groupingBy(FailoverTest::label, TreeMap::new, Collectors.counting()));
        long slowest = list.stream().mapToLong(Answers.Answer::millis).max().orElse(0);
        return list.size() + " requests, slowest " + slowest + " ms: " + byLabel;
    }

    private String haproxyStatus(String backend, String server) {
        Answers.Reply r = answers.send("haproxy-stats", Answers.get(statsUrl + ";csv", null));
        for (String line : r.text().split("\n")) {
            String[] f = line.split(",");
            if (f.length > 17 && f[0].equals(backend) && f[1].equals(server)) {
                return f[17];
            }
        }
        return "";
    }

    private static String reason(Answers.Reply h) {
        int at = h.text().indexOf("\"reason\"");
        if (at < 0) {
            return "";
        }
        int end = h.text().indexOf('"', h.text().indexOf('"', at + 9) + 1);
        return h.text().substring(at, Math.max(at, end + 1));
    }

    private JsonArray documents(String officer, String review) throws Exception {
        for (int t = 0; t < 60; t++) {
            Answers.Reply r =
                    answers.send("list", Answers.get(base + "/api/v1/reviews/" + review + "/documents", officer));
            if (r.status() == 200) {
                return Json.createReader(new StringReader(r.text())).readArray();
            }
            Thread.sleep(1000);
        }
        throw new IllegalStateException("the review's documents could not be listed");
    }

    private String downloadedSha256(String officer, String document) throws Exception {
        for (int t = 0; t < 30; t++) {
            Answers.Reply r =
                    answers.send("download", Answers.get(base + "/api/v1/documents/" + document + "/content", officer));
            if (r.status() == 200) {
                return HexFormat.of()
                        .formatHex(MessageDigest.getInstance("SHA-256").digest(r.body()));
            }
            if (r.status() != 0 && r.status() < 500) {
                return "answered " + r.status();
            }
            Thread.sleep(1000);
        }
        return "no answer";
    }

    /** Polls until the condition holds; answers the milliseconds it took, or -1 when it never held within. */
    private static long awaitMillis(Duration within, BooleanSupplier condition) throws InterruptedException {
        long started = System.nanoTime();
        while (System.nanoTime() - started < within.toNanos()) {
            if (condition.getAsBoolean()) {
                return (System.nanoTime() - started) / 1_000_000;
            }
            Thread.sleep(100);
        }
        return -1;
    }

    /** An agency user's sign-in with the password, recorded as {@code sign-in}. */
    private Answers.Reply sendSignIn(String user) {
        return answers.send(
                "sign-in",
                Answers.postJson(
                        base + "/api/v1/auth/token",
                        null,
                        Json.createObjectBuilder()
                                .add("username", user)
                                .add("password", BenchSignIn.PASSWORD)
                                .build()
                                .toString()));
    }

    private String signIn(String user) {
        Answers.Reply r = sendSignIn(user);
        if (r.status() != 200) {
            throw new IllegalStateException("sign-in of " + user + " answered " + r.status() + ": " + r.text());
        }
        return r.json().getString("access_token");
    }

    private Answers.Reply post(String path, String token, String json) {
        return answers.send("setup", Answers.postJson(base + path, token, json));
    }

    private static String created(Answers.Reply r) {
        if (r.status() / 100 != 2) {
            throw new IllegalStateException("setup answered " + r.status() + ": " + r.text());
        }
        return r.json().getString("id");
    }

    private static String reviewer(String name) {
        return "{\"displayName\":\"" + name + "\",\"summary\":\"Systems reviewer.\",\"expertise\":[\"POLICE\"],"
                + "\"skills\":[\"INVESTIGATION\"],\"regions\":[\"LONDON\"],\"available\":true}";
    }

    /** A word of letters only, new to the register, so that a search for it finds one reviewer. */
    private static String word() {
        StringBuilder b = new StringBuilder("zf");
        ThreadLocalRandom r = ThreadLocalRandom.current();
        for (int i = 0; i < 10; i++) {
            b.append((char) ('a' + r.nextInt(26)));
        }
        return b.toString();
    }

    private static void say(String format, Object... args) {
        System.out.println(String.format(format, args));
    }
}
