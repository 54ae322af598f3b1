package org.lscb.load;

import static io.gatling.javaapi.core.CoreDsl.*;
import static io.gatling.javaapi.http.HttpDsl.*;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import io.gatling.javaapi.http.HttpRequestActionBuilder;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A board's working day (issue 22), by {@code load.users} people at once for {@code load.duration}:
 *
 * <ul>
 *   <li><b>Agency staff</b> (all but the officers), each visit paced to {@code load.pace}: sign in twice, as the
 *       command-line client does (a bearer token from {@code POST /auth/token}) and as a browser does (the sign-in
 *       form with its CSRF token, then the session's two cookies); the dashboard as a page and as JSON; a review's
 *       page, its documents page and its JSON; in {@code load.uploadShare} of the visits a 5 MB IMR envelope
 *       uploaded to that review; and the documents their agency sent with each recipient's receipt.
 *   <li><b>Board officers</b> ({@code load.officers}), who sign in with a one-time code: the reviews as JSON,
 *       two register searches (words with facets, and qualified reviewers independent of the run's agency), a
 *       review's documents, an IMR downloaded through the board key, its receipt recorded and the receipts read.
 * </ul>
 *
 * <p>Every request has its own name, so that Gatling's report gives throughput and percentiles per kind; every
 * answer is checked (status and what proves it was the real answer), so that anything else counts as an error. The
 * server's browser cookies are {@code Secure} and {@code __Host-} prefixed, which an HTTP client rightly does not
 * send back over plain http to a loopback address: the simulation keeps them itself, as the page benchmark does.
 */
public class WorkingDaySimulation extends Simulation {

    private static final LoadSettings SETTINGS = LoadSettings.fromSystemProperties();

    private static final LoadFixture FIXTURE;

    static {
        try {
            FIXTURE = LoadFixture.prepare(SETTINGS);
        } catch (Exception e) {
            throw new IllegalStateException("preparing the run failed: " + e.getMessage(), e);
        }
    }

    private static final AtomicInteger UPLOADS = new AtomicInteger();

    /** Keeps the cookies a page answer set (name=value pairs), as a browser keeps them for the next request. */
    private static Session keepCookies(Session session) {
        Map<String, String> jar = new LinkedHashMap<>();
        if (session.contains("jar")) {
            jar.putAll(session.<Map<String, String>>get("jar"));
        }
        if (session.contains("setCookies")) {
            for (String header : session.<List<String>>get("setCookies")) {
                String pair = header.split(";", 2)[0];
                int eq = pair.indexOf('=');
                String name = pair.substring(0, eq).strip();
                String value = pair.substring(eq + 1).strip();
                if (value.isEmpty() || header.toLowerCase().contains("max-age=0")) {
                    jar.remove(name);
                } else {
                    jar.put(name, value);
                }
            }
        }
        String cookie = jar.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("; "));
        return session.remove("setCookies").set("jar", jar).set("cookie", cookie);
    }

    private static Iterator<Map<String, Object>> accounts(List<String> names) {
        AtomicInteger next = new AtomicInteger();
        return Stream.generate(() -> Map.<String, Object>of(
                        "username", names.get(Math.floorMod(next.getAndIncrement(), names.size()))))
                .iterator();
    }

    private static final ChainBuilder API_SIGN_IN = exec(http("sign-in: API token")
            .post("/api/v1/auth/token")
            .body(StringBody(s -> LoadFixture.credentials(s.getString("username"), LoadFixture.PASSWORD, null)))
            .asJson()
            .check(status().is(200), jsonPath("$.access_token").saveAs("token")));

    private static final ChainBuilder BROWSER_SIGN_IN = exec(session -> session.remove("jar"))
            .exec(http("sign-in: form page")
                    .get("/sign-in")
                    .check(
                            status().is(200),
                            regex("name=\"csrf\" value=\"([^\"]+)\"").saveAs("csrf"),
                            header("Set-Cookie").findAll().optional().saveAs("setCookies")))
            .exec(WorkingDaySimulation::keepCookies)
            .exec(http("sign-in: browser form")
                    .post("/sign-in")
                    .header("Cookie", "#{cookie}")
                    .formParam("csrf", "#{csrf}")
                    .formParam("next", "/")
                    .formParam("username", "#{username}")
                    .formParam("password", LoadFixture.PASSWORD)
                    .check(
                            status().is(303),
                            header("Location")
                                    .transform(l -> !l.contains("sign-in"))
                                    .is(true),
                            header("Set-Cookie").findAll().saveAs("setCookies")))
            .exec(WorkingDaySimulation::keepCookies)
            .exec(flushCookieJar());

    /**
     * A page request with the browser's cookies, keeping those its answer sets: nodes of one service answer with
     * Payara's {@code JSESSIONIDVERSION} cookie (not {@code Secure}, so Gatling's own cookie jar would take it and
     * send it in place of the {@code Cookie} header, without the session's cookies), and a browser sends the
     * newest version back so that any node reads the newest copy of the session from the grid.
     */
    private static ChainBuilder page(HttpRequestActionBuilder request) {
        return exec(request.header("Cookie", "#{cookie}")
                        .check(header("Set-Cookie").findAll().optional().saveAs("setCookies")))
                .exec(WorkingDaySimulation::keepCookies)
                .exec(flushCookieJar());
    }

    /** One visit of an agency user. */
    private static final ChainBuilder AGENCY_VISIT = exec(API_SIGN_IN)
            .exec(BROWSER_SIGN_IN)
            .exec(session -> session.set("review", FIXTURE.randomReview()))
            .exec(page(http("dashboard: page").get("/").check(status().is(200), substring("LOAD-"))))
            .exec(http("dashboard: API")
                    .get("/api/v1/reviews?size=100")
                    .header("Authorization", "Bearer #{token}")
                    .check(status().is(200), jsonPath("$.total").ofInt().gt(0)))
            .exec(page(http("review: page").get("/reviews/#{review}").check(status().is(200), substring("LOAD-"))))
            .exec(page(http("review: documents page")
                    .get("/reviews/#{review}/documents")
                    .check(status().is(200))))
            .exec(http("review: API")
                    .get("/api/v1/reviews/#{review}")
                    .header("Authorization", "Bearer #{token}")
                    .check(status().is(200), jsonPath("$.id").isEL("#{review}")))
            .randomSwitch()
            .on(percent(SETTINGS.uploadShare() * 100)
                    .then(exec(session -> session.set(
                                            "envelope",
                                            FIXTURE.envelopeFiles
                                                    .get(Math.floorMod(
                                                            UPLOADS.getAndIncrement(), FIXTURE.envelopeFiles.size()))
                                                    .toString())
                                    .set("upload", "IMR " + FIXTURE.runId + " " + UPLOADS.get()))
                            .exec(http("IMR upload (5 MB)")
                                    .post("/api/v1/reviews/#{review}/documents")
                                    .queryParam("type", "IMR")
                                    .queryParam("title", "#{upload}")
                                    .header("Authorization", "Bearer #{token}")
                                    .header("Content-Type", "application/pkcs7-mime")
                                    .body(RawFileBody("#{envelope}"))
                                    .check(status().is(201), jsonPath("$.id").saveAs("uploaded")))
                            .exec(session -> {
                                if (session.contains("uploaded")) {
                                    FIXTURE.documentIds.add(session.getString("uploaded"));
                                }
                                return session.remove("uploaded");
                            })))
            .exec(http("receipts: documents sent")
                    .get("/api/v1/documents")
                    .header("Authorization", "Bearer #{token}")
                    .check(status().is(200)));

    /**
     * An officer signs in with a one-time code. When this account has no step left in this 30 seconds the request
     * goes without a code, and its refusal counts as an error.
     */
    private static final ChainBuilder OFFICER_SIGN_IN = exec(session -> {
                String code = Totp.nextCode(session.getString("username"));
                Session signedIn = session.set("signedInAt", System.nanoTime());
                return code == null ? signedIn.remove("otp") : signedIn.set("otp", code);
            })
            .exec(http("sign-in: API token with one-time code")
                    .post("/api/v1/auth/token")
                    .body(StringBody(s -> LoadFixture.credentials(
                            s.getString("username"),
                            LoadFixture.PASSWORD,
                            s.contains("otp") ? s.getString("otp") : null)))
                    .asJson()
                    .check(status().is(200), jsonPath("$.access_token").saveAs("token")));

    private static final long TEN_MINUTES = 600_000_000_000L;

    /** One visit of an officer. */
    private static final ChainBuilder OFFICER_VISIT = doIf(s ->
                    System.nanoTime() - s.getLong("signedInAt") > TEN_MINUTES)
            .then(OFFICER_SIGN_IN)
            .exec(session -> session.set("review", FIXTURE.randomReview()).set("document", FIXTURE.randomDocument()))
            .exec(http("dashboard: API")
                    .get("/api/v1/reviews?size=100")
                    .header("Authorization", "Bearer #{token}")
                    .check(status().is(200), jsonPath("$.total").ofInt().gt(0)))
            .exec(http("register search: words and facets")
                    .get("/api/v1/reviewers")
                    .queryParam("q", "#{words}")
                    .header("Authorization", "Bearer #{token}")
                    .check(status().is(200), jsonPath("$.total").exists()))
            .exec(http("register search: qualified and independent")
                    .get("/api/v1/reviewers?qualified=true&size=20")
                    .queryParam("independentOf", "#{agency}")
                    .header("Authorization", "Bearer #{token}")
                    .check(status().is(200), jsonPath("$.total").exists()))
            .exec(http("review: documents API")
                    .get("/api/v1/reviews/#{review}/documents")
                    .header("Authorization", "Bearer #{token}")
                    .check(status().is(200)))
            .exec(http("IMR download (5 MB)")
                    .get("/api/v1/documents/#{document}/content")
                    .header("Authorization", "Bearer #{token}")
                    .check(status().is(200), header("Content-Type").is("application/pkcs7-mime")))
            .exec(http("receipt: record")
                    .post("/api/v1/documents/#{document}/receipt")
                    .header("Authorization", "Bearer #{token}")
                    .body(StringBody("{}"))
                    .asJson()
                    .check(status().in(200, 201), jsonPath("$.documentId").isEL("#{document}")))
            .exec(http("receipt: list")
                    .get("/api/v1/documents/#{document}/receipts")
                    .header("Authorization", "Bearer #{token}")
                    .check(status().is(200)));

    private static final List<String> WORDS = List.of(
            "neglect",
            "domestic abuse",
            "serious case review",
            "child death",
            "safeguarding",
            "mental health",
            "exploitation",
            "health visitor");

    private final HttpProtocolBuilder protocol = http.baseUrls(SETTINGS.targets())
            .disableFollowRedirect()
            .disableCaching()
            .userAgentHeader("lscb-load-benchmark");

    private final ScenarioBuilder agency = scenario("agency staff")
            .feed(accounts(FIXTURE.agencyUsers))
            .during(SETTINGS.duration())
            .on(pace(SETTINGS.pace()).exec(AGENCY_VISIT));

    private final ScenarioBuilder officers = scenario("board officers")
            .feed(accounts(FIXTURE.officers))
            .exec(session -> session.set("agency", FIXTURE.agencyId))
            .exec(OFFICER_SIGN_IN)
            .during(SETTINGS.duration())
            .on(pace(SETTINGS.pace())
                    .exec(session -> session.set("words", WORDS.get((int) (Math.random() * WORDS.size()))))
                    .exec(OFFICER_VISIT));

    {
        Path report = Path.of("target", "gatling");
        LoadFixture.say(
                "Load: %d users (%d agency staff, %d officers) for %s against %s, visits paced at %s; report under %s",
                SETTINGS.users(),
                SETTINGS.agencyUsers(),
                SETTINGS.officers(),
                SETTINGS.duration(),
                SETTINGS.targets(),
                SETTINGS.pace(),
                report.toAbsolutePath());
        setUp(
                        agency.injectOpen(rampUsers(SETTINGS.agencyUsers()).during(SETTINGS.rampUp())),
                        officers.injectOpen(rampUsers(SETTINGS.officers()).during(SETTINGS.rampUp())))
                .protocols(protocol)
                .assertions(global().failedRequests().count().is(0L));
    }
}
