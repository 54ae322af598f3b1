package org.lscb.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lscb.server.Openssl;

/**
 * {@code --demo} seeds the demo accounts the README lists on an empty embedded database, and is refused on
 * a database that holds other data or on a production (PostgreSQL) database.
 */
class DemoModeIT {

    @Test
    void demoMode_seedsTheDocumentedLogins_orIsRefusedOnProduction() throws Exception {
        Path base = Files.createTempDirectory("lscb-demo");
        if (TestDatabase.postgres()) {
            Map<String, String> env = TestDatabase.serverEnvironment();
            try (ServerProcess server = ServerProcess.start(base.resolve("data"), env, "--demo")) {
                assertThat(server.awaitExit(Duration.ofSeconds(180))).isNotZero();
                assertThat(server.log()).contains("demo mode is refused on a production database");
            }
            return;
        }
        try (ServerProcess server =
                ServerProcess.start(base.resolve("data"), Map.of(), "--demo").awaitReady()) {
            Api api = new Api(server.baseUrl(), "admin");
            Path totp = base.resolve("data").resolve("demo").resolve("totp");
            for (String name : new String[] {"admin", "officer", "chair", "officer2"}) {
                // the documented one-liner's input: the base32 secret and nothing else
                String secret = Files.readString(totp.resolve(name));
                assertThat(secret).matches("[A-Z2-7]{32}");
                assertThat(server.log()).contains(name + "=" + secret);
                api.knowSecret(name, secret);
                assertThat(api.signIn(name, name).error())
                        .as(name + " without a code")
                        .isEqualTo("otp_required");
                assertThat(api.signIn(name, name, api.nextCode(name)).status())
                        .as(name)
                        .isEqualTo(200);
            }
            for (String name : new String[] {
                "police",
                "health",
                "socialcare",
                "reviewer1",
                "reviewer2",
                "paediatrician",
                "coroner",
                "eastbrook",
                "cdop"
            }) {
                assertThat(api.signIn(name, name).status()).as(name).isEqualTo(200);
            }
            Api.Reply me = api.get("/api/v1/me", api.token("officer", "officer"));
            assertThat(me.json().getJsonArray("roles").getString(0)).isEqualTo("LSCB_OFFICER");
            assertThat(api.get("/api/v1/audit/verify", api.token("officer", "officer"))
                            .json()
                            .getBoolean("valid"))
                    .isTrue();
            assertThat(server.log()).contains("Demo logins (password = username): admin, officer, chair, police");
            var register = api.get("/api/v1/reviewers?size=1", api.token("officer", "officer"))
                    .json();
            assertThat(register.getJsonNumber("total").longValue()).isEqualTo(42);
            var rowan = api.get("/api/v1/reviewers?q=Rowan", api.token("officer", "officer"))
                    .json();
            assertThat(rowan.getJsonArray("hits").getJsonObject(0).getBoolean("qualified"))
                    .isTrue();
            theBoardsAnnualReport_agreesWithTheDemosActionsAndPublishedReport(api);
            demoReviews_showClocksInEveryState_andTheIssueFourWalkThroughWorks(api);
            opensslAlone_sealsAnImrForTheDemoScr_andTheLeadReviewerOpensIt(
                    api, base.resolve("data").resolve("demo").resolve("keys"));
        }
    }

    /** Issue 5's "done when" with nothing but openssl and HTTP: the demo keys work out of the box. */
    private static void opensslAlone_sealsAnImrForTheDemoScr_andTheLeadReviewerOpensIt(Api api, Path keys)
            throws Exception {
        assertThat(keys.resolve("police.p12")).exists();
        assertThat(keys.resolve("board.p12")).exists();
        String officer = api.token("officer", "officer");
        String police = api.token("police", "police");
        String scr = api
                .get("/api/v1/reviews", officer)
                .json()
                .getJsonArray("reviews")
                .getValuesAs(jakarta.json.JsonObject.class)
                .stream()
                .filter(r -> r.getString("reference").equals("NM-SCR-DEMO-01"))
                .findFirst()
                .orElseThrow()
                .getString("id");
        Path work = Files.createTempDirectory("lscb-openssl");
        java.util.List<java.security.cert.X509Certificate> recipients =
                KeyHolder.certificates(api.get("/api/v1/reviews/" + scr + "/recipients?format=pem", police)
                        .body());
        assertThat(recipients).hasSize(3); // the board, Robin (lead) and Rowan (panel)
        java.util.List<String> encrypt = new java.util.ArrayList<>(java.util.List.of(
                "cms",
                "-encrypt",
                "-binary",
                "-aes-256-gcm",
                "-in",
                work.resolve("signed.der").toString(),
                "-outform",
                "DER",
                "-out",
                work.resolve("imr.p7m").toString()));
        for (int i = 0; i < recipients.size(); i++) {
            Path pem = Files.writeString(
                    work.resolve("recipient" + i + ".pem"), org.lscb.exchange.pki.Pem.certificate(recipients.get(i)));
            encrypt.addAll(java.util.List.of(
                    "-recip",
                    pem.toString(),
                    "-keyopt",
                    "rsa_padding_mode:oaep",
                    "-keyopt",
                    "rsa_oaep_md:sha256",
                    "-keyopt",
                    "rsa_mgf1_md:sha256"));
        }
        byte[] imr = "Individual Management Review, Northmere Constabulary (fictional)"
                .repeat(500)
                .getBytes();
        Files.write(work.resolve("imr.txt"), imr);

        Openssl.cmsSign(
                work.resolve("imr.txt"),
                keys.resolve("police.pem"),
                keys.resolve("police.key.pem"),
                work.resolve("signed.der"),
                "-keyopt",
                "rsa_padding_mode:pss");
        Openssl.ok(encrypt.toArray(String[]::new));
        Api.Reply up = api.send(
                "POST",
                "/api/v1/reviews/" + scr + "/documents?type=IMR&title=Police%20IMR",
                police,
                "application/pkcs7-mime",
                Files.readAllBytes(work.resolve("imr.p7m")));
        assertThat(up.status()).as(up.body()).isEqualTo(201);
        Api.Bytes down = api.getBytes(
                "/api/v1/documents/" + up.json().getString("id") + "/content", api.token("reviewer2", "reviewer2"));
        Files.write(work.resolve("down.p7m"), down.body());
        Openssl.cmsDecrypt(
                work.resolve("down.p7m"),
                keys.resolve("reviewer2.pem"),
                keys.resolve("reviewer2.key.pem"),
                work.resolve("down-signed.der"));
        Openssl.cmsVerify(work.resolve("down-signed.der"), keys.resolve("ca.pem"), work.resolve("down.txt"));
        assertThat(Files.readAllBytes(work.resolve("down.txt"))).isEqualTo(imr);
    }

    /**
     * Issue 21's "the annual report agrees with the demo data" [11, 19]: the demo's action plans and its published
     * report, as the API lists them, are what the board's report for the demo's year counts.
     */
    private static void theBoardsAnnualReport_agreesWithTheDemosActionsAndPublishedReport(Api api) {
        String officer = api.token("officer", "officer");
        java.util.List<jakarta.json.JsonObject> actions =
                api.get("/api/v1/actions", officer).value().asJsonArray().getValuesAs(jakarta.json.JsonObject.class);
        assertThat(actions).hasSize(6);
        assertThat(actions)
                .extracting(a -> a.getString("status"))
                .containsExactlyInAnyOrder("DONE", "DONE", "IN_PROGRESS", "IN_PROGRESS", "NOT_STARTED", "NOT_STARTED");
        assertThat(actions)
                .filteredOn(a -> a.getString("status").equals("DONE"))
                .allSatisfy(a -> assertThat(a.getString("evidenceNote")).isNotBlank());
        // overdue by days to spare on the day of seeding, whatever the server's today
        assertThat(api.get("/api/v1/actions?overdue=true", officer).value().asJsonArray())
                .hasSize(2);
        var library = api.get("/api/v1/public/reports", null).json();
        assertThat(library.getJsonNumber("total").longValue()).isEqualTo(1);
        jakarta.json.JsonObject published =
                library.getJsonArray("items").getJsonObject(0).getJsonObject("report");
        java.time.LocalDate publishedOn = java.time.Instant.parse(published.getString("publishedAt"))
                .atZone(TestClock.ENGLAND)
                .toLocalDate();
        org.lscb.reviews.ReportingYear year = org.lscb.reviews.ReportingYear.containing(publishedOn);

        var report = api.get("/api/v1/reports/board-annual?year=" + year.endsIn(), officer)
                .json();
        assertThat(report.getString("boardId"))
                .isEqualTo(published.getJsonObject("board").getString("code"));
        java.time.LocalDate asAt = java.time.LocalDate.parse(report.getString("asAt"));
        for (String status : new String[] {"NOT_STARTED", "IN_PROGRESS", "DONE", "NOT_DONE"}) {
            java.util.List<jakarta.json.JsonObject> due = actions.stream()
                    .filter(a -> a.getString("status").equals(status))
                    .filter(a -> year.contains(java.time.LocalDate.parse(a.getString("dueOn"))))
                    .toList();
            long overdue = due.stream()
                    .filter(a -> status.equals("NOT_STARTED") || status.equals("IN_PROGRESS"))
                    .filter(a -> asAt.isAfter(java.time.LocalDate.parse(a.getString("dueOn"))))
                    .count();
            assertThat(counts(report, "actions-by-status", status)).as(status).containsExactly(due.size(), (int)
                    overdue);
        }
        assertThat(counts(report, "reports-published", "IN_LIBRARY")).containsExactly(1);
        assertThat(counts(report, "reports-published", "WITHDRAWN")).containsExactly(0);
        assertThat(published.getJsonArray("themes").getValuesAs(jakarta.json.JsonObject.class))
                .extracting(t -> t.getString("code"))
                .containsExactlyInAnyOrder("neglect", "parental-substance-misuse");
        assertThat(counts(report, "report-themes", "NEGLECT")).containsExactly(1);
        assertThat(counts(report, "report-themes", "PARENTAL_SUBSTANCE_MISUSE")).containsExactly(1);
    }

    /** A figure's row's counts, none suppressed in the board's report. */
    private static java.util.List<Integer> counts(jakarta.json.JsonObject report, String figure, String row) {
        return report.getJsonArray("sections").getValuesAs(jakarta.json.JsonObject.class).stream()
                .flatMap(s -> s.getJsonArray("figures").getValuesAs(jakarta.json.JsonObject.class).stream())
                .filter(f -> f.getString("id").equals(figure))
                .flatMap(f -> f.getJsonArray("rows").getValuesAs(jakarta.json.JsonObject.class).stream())
                .filter(r -> r.getString("code").equals(row))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no row " + row + " in " + figure))
                .getJsonArray("counts")
                .getValuesAs(jakarta.json.JsonObject.class)
                .stream()
                .map(c -> c.getInt("value"))
                .toList();
    }

    /** The "done when" of issue 4, as a newcomer would do it with curl against the demo server. */
    /**
     * The demo's panel signed off 26 reviews in the last complete reporting year (DemoChildDeaths: its thirteen
     * categories, ages and judgements twice over, dated from the day the demo seeded), and the CDOP report shows them
     * as the return does [27, 28]: six perinatal, four chromosomal, the eight categories of two withheld; fifteen with
     * no modifiable factors, the nine identified and two of inadequate information withheld.
     */
    private static void demoCdopReport_showsTheSeededLastYear_27_28(Api api, String cdop, int lastYear) {
        jakarta.json.JsonObject exported = CdopPanelIT.getAccepting(
                        api, "/api/v1/exports/child-deaths?year=" + lastYear, cdop, "application/json")
                .json();
        assertThat(CdopPanelIT.counts(exported))
                .containsEntry("category_of_death/8", "6")
                .containsEntry("category_of_death/7", "4")
                .containsEntry("category_of_death/10", "c")
                .containsEntry("age_band/UNDER_28_DAYS", "6")
                .containsEntry("age_band/DAYS_28_TO_364", "4")
                .containsEntry("age_band/UNDER_1_YEAR_DAYS_NOT_RECORDED", "0")
                .containsEntry("modifiable_factors/NONE_IDENTIFIED", "15")
                .containsEntry("modifiable_factors/IDENTIFIED", "c");
        Api.Reply reported = api.get("/api/v1/reports/cdop-annual?year=" + lastYear, cdop);
        assertThat(reported.status()).as(reported.body()).isEqualTo(200);
        jakarta.json.JsonObject report = reported.json();
        assertThat(AnnualReportsIT.counts(AnnualReportsIT.figure(report, "deaths-reviewed-by-category"), "8"))
                .containsExactly("6");
        assertThat(AnnualReportsIT.counts(AnnualReportsIT.figure(report, "deaths-reviewed-by-category"), "TOTAL"))
                .containsExactly("26");
        assertThat(AnnualReportsIT.counts(AnnualReportsIT.figure(report, "deaths-reviewed-modifiable"), "REVIEWED"))
                .containsExactly("[c]", "15", "[c]", "26");
        ChildDeathJourneyIT.agree(exported, report);
    }

    private static void demoReviews_showClocksInEveryState_andTheIssueFourWalkThroughWorks(Api api) {
        String officer = api.token("officer", "officer");
        var demo = api.get("/api/v1/reviews", officer).json();
        // the two worked reviews and the panel's signed-off child deaths of two reporting years
        assertThat(demo.getInt("total")).isEqualTo(2 + 26 + 12);
        String cdop = api.token("cdop", "cdop");
        var panel = api.get("/api/v1/reviews?size=100", cdop).json();
        assertThat(panel.getInt("total"))
                .as("child death reviews only, not the SCR")
                .isEqualTo(1 + 26 + 12);
        int lastYear = CdopPanelIT.thisYear() - 1;
        Api.Reply figures = CdopPanelIT.getAccepting(
                api, "/api/v1/exports/child-deaths?year=" + lastYear, cdop, "application/json");
        assertThat(CdopPanelIT.counts(figures.json())).containsEntry("total/ALL", "26");
        assertThat(CdopPanelIT.counts(CdopPanelIT.getAccepting(
                                api, "/api/v1/exports/child-deaths?year=" + (lastYear - 1), officer, "application/json")
                        .json()))
                .containsEntry("total/ALL", "12");
        demoCdopReport_showsTheSeededLastYear_27_28(api, cdop, lastYear);
        java.util.Set<String> states = new java.util.HashSet<>();
        demo.getJsonArray("reviews")
                .getValuesAs(jakarta.json.JsonObject.class)
                .forEach(r -> r.getJsonArray("clocks")
                        .getValuesAs(jakarta.json.JsonObject.class)
                        .forEach(c -> states.add(c.getString("status"))));
        assertThat(states).contains("MET", "PAUSED", "DUE_SOON", "OVERDUE");
        assertThat(ReviewsIT.ids(api.get("/api/v1/reviews", api.token("coroner", "coroner"))
                        .json()))
                .hasSize(1);
        assertThat(ReviewsIT.ids(api.get("/api/v1/reviews", api.token("reviewer2", "reviewer2"))
                        .json()))
                .hasSize(1);

        Map<String, String> orgs = new HashMap<>();
        api.get("/api/v1/organisations?size=100", officer)
                .json()
                .getJsonArray("items")
                .getValuesAs(jakarta.json.JsonObject.class)
                .forEach(o -> orgs.put(o.getString("name"), o.getString("id")));
        String board = orgs.get("Northmere Local Safeguarding Children Board");
        String agencies = ReviewWorld.quoted(java.util.List.of(
                orgs.get("Northmere Constabulary"),
                orgs.get("Northmere Community Health NHS Trust"),
                orgs.get("Northmere Council Children's Social Care")));
        Api.Reply scr = api.post(
                "/api/v1/reviews",
                officer,
                "{\"type\":\"SERIOUS_CASE_REVIEW\",\"reference\":\"NM-SCR-WALK\","
                        + "\"pseudonym\":\"Child W\",\"leadLscbId\":\"" + board + "\",\"organisationIds\":" + agencies
                        + ",\"dates\":{\"notification\":\"" + TestClock.today().minusDays(2) + "\"}}");
        assertThat(scr.status()).as(scr.body()).isEqualTo(201);
        assertThat(scr.json().getJsonArray("clocks")).isNotEmpty();
        String id = scr.json().getString("id");
        String rowan = api.get("/api/v1/reviewers?q=Rowan", officer)
                .json()
                .getJsonArray("hits")
                .getJsonObject(0)
                .getString("id");
        String robin = api.get("/api/v1/reviewers?q=Robin", officer)
                .json()
                .getJsonArray("hits")
                .getJsonObject(0)
                .getString("id");

        Api.Reply refused = api.post(
                "/api/v1/reviews/" + id + "/appointments",
                officer,
                "{\"reviewerId\":\"" + rowan + "\",\"role\":\"LEAD_REVIEWER\"}");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.body()).contains("RECENT_AFFILIATION");
        assertThat(api.post(
                                "/api/v1/reviews/" + id + "/appointments",
                                officer,
                                "{\"reviewerId\":\"" + robin + "\",\"role\":\"LEAD_REVIEWER\"}")
                        .status())
                .isEqualTo(201);
        assertThat(api.get("/api/v1/reviews/" + id + "/panel-check", officer)
                        .json()
                        .getBoolean("meetsGuidance"))
                .isTrue();
        assertThat(api.get("/api/v1/reviews/" + id, api.token("eastbrook", "eastbrook"))
                        .status())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/reviews/" + id, api.token("police", "police"))
                        .status())
                .isEqualTo(200);
    }

    @Test
    void demoMode_isRefusedOnADatabaseWithOtherData() throws Exception {
        if (TestDatabase.postgres()) {
            return; // covered above: PostgreSQL is production and refused before anything else
        }
        Path data = Files.createTempDirectory("lscb-demo-refused").resolve("data");
        Map<String, String> env = new HashMap<>();
        env.put("ADMIN_PASSWORD", "a-long-enough-first-secret");
        try (ServerProcess first = ServerProcess.start(data, env).awaitReady()) {
            assertThat(new Api(first.baseUrl(), "a-long-enough-first-secret").adminToken())
                    .isNotBlank();
        }
        try (ServerProcess second = ServerProcess.start(data, Map.of(), "--demo")) {
            assertThat(second.awaitExit(Duration.ofSeconds(180))).isNotZero();
            assertThat(second.log()).contains("already holds data that is not demo data");
        }
    }
}
