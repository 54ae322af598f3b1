package org.lscb.server.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lscb.server.it.AnnualReportsIT.counts;
import static org.lscb.server.it.AnnualReportsIT.figure;

import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A child's death from notification to the board's published figures, through the API (docs/api.md "Child death
 * notifications", "Rapid response", "The panel", "Exports", "Reports"): the police notify the death [24], a second
 * notification of the same child joins the same review, the designated paediatrician records the post-mortem [36-38],
 * the panel records its analysis and signs the review off [27], and the annual
 * return and the CDOP's annual report count it the same way [28].
 */
@ExtendWith(SharedServer.class)
class ChildDeathJourneyIT {

    private static final String NOTIFY = "/api/v1/child-death-notifications";

    @Test
    void aNotifiedDeath_joinedBySecondNotification_analysedAndSignedOff_countsAlikeInReturnAndReport_20_27_28(Api api) {
        ReviewWorld w = ReviewWorld.create(api);
        Api.Login cdop = api.newAccount("CDOP_MEMBER", w.board());
        Api.Login health = api.newAccount("AGENCY_USER", w.agencies().get(1));
        int year = CdopPanelIT.thisYear();

        // three babies who died in their first week: the first notified twice, by the police and by health
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Instant died = Instant.now().minus(Duration.ofHours(20 + i));
            LocalDate diedOn = LocalDate.ofInstant(died, TestClock.ENGLAND);
            ChildDeathNotificationIT.Child child = new ChildDeathNotificationIT.Child(
                    ChildDeathNotificationIT.Child.next().nhsNumber(), diedOn.minusDays(5));
            Api.Reply police = api.post(
                    NOTIFY,
                    w.police().token(),
                    ChildDeathNotificationIT.body(child, died, w.board(), Map.of())
                            .toString());
            assertThat(police.status()).as(police.body()).isEqualTo(201);
            assertThat(police.json().getBoolean("duplicate")).isFalse();
            String id = police.json().getJsonObject("review").getString("id");
            ids.add(id);
            if (i == 0) {
                Api.Reply again = api.post(
                        NOTIFY,
                        health.token(),
                        ChildDeathNotificationIT.body(
                                        child, died.plusSeconds(600), w.board(), Map.of("placeOfDeath", "HOSPITAL"))
                                .toString());
                assertThat(again.status()).as(again.body()).isEqualTo(200);
                assertThat(again.json().getBoolean("duplicate")).isTrue();
                assertThat(again.json().getJsonObject("review").getString("id")).isEqualTo(id);
            }
        }
        assertThat(ReviewsIT.ids(api.get("/api/v1/reviews", cdop.token()).json()))
                .containsExactlyInAnyOrderElementsOf(ids);

        // the designated paediatrician, appointed to the first review, records the final post-mortem report: no
        // inquest, nothing suggesting abuse, so the joint report is not owed and no SCR referral is prompted [36-38]
        Api.Login paediatrician = api.newAccount("PAEDIATRICIAN");
        Api.Reply appointed = api.post(
                "/api/v1/reviews/" + ids.get(0) + "/appointments",
                w.officer().token(),
                "{\"accountId\":\"" + paediatrician.id() + "\",\"role\":\"PAEDIATRICIAN\"}");
        assertThat(appointed.status()).as(appointed.body()).isEqualTo(201);
        String reportOn = LocalDate.ofInstant(Instant.now(), TestClock.ENGLAND).toString();
        Api.Reply postMortem = api.send(
                "PUT",
                "/api/v1/reviews/" + ids.get(0) + "/post-mortem",
                paediatrician.token(),
                "application/json",
                ("{\"finalReportOn\":\"" + reportOn + "\",\"inquestOpened\":false,\"suggestsAbuseOrNeglect\":false}")
                        .getBytes(StandardCharsets.UTF_8));
        assertThat(postMortem.status()).as(postMortem.body()).isEqualTo(200);
        assertThat(postMortem.json().getJsonObject("postMortem").getString("finalReportOn"))
                .isEqualTo(reportOn);
        assertThat(postMortem.json().getBoolean("scrReferralPrompted")).isFalse();

        // the panel analyses each death and signs its review off
        for (String id : ids) {
            String base = "/api/v1/reviews/" + id;
            Api.Reply analysed = CdopPanelIT.put(
                    api,
                    base + "/cdop-analysis",
                    cdop.token(),
                    CdopPanelIT.analysis(w.agencies().get(1), "Safer sleep"));
            assertThat(analysed.status()).as(analysed.body()).isEqualTo(200);
            Api.Reply signed = api.post(base + "/cdop-sign-off", cdop.token(), "{}");
            assertThat(signed.status()).as(signed.body()).isEqualTo(200);
            assertThat(signed.json().getString("status")).isEqualTo("COMPLETED");
        }

        // the return counts them: three sudden unexplained neonatal deaths, modifiable factors identified
        Api.Reply exported = CdopPanelIT.getAccepting(
                api, "/api/v1/exports/child-deaths?year=" + year, cdop.token(), "application/json");
        assertThat(exported.status()).as(exported.body()).isEqualTo(200);
        assertThat(CdopPanelIT.counts(exported.json()))
                .containsEntry("total/ALL", "3")
                .containsEntry("category_of_death/10", "3")
                .containsEntry("age_band/UNDER_28_DAYS", "3")
                .containsEntry("modifiable_factors/IDENTIFIED", "3")
                .containsEntry("expected_or_unexpected/UNEXPECTED", "3");

        // and the CDOP's report counts them the same way, beside the three deaths notified
        Api.Reply reported = api.get("/api/v1/reports/cdop-annual?year=" + year, cdop.token());
        assertThat(reported.status()).as(reported.body()).isEqualTo(200);
        JsonObject report = reported.json();
        assertThat(counts(figure(report, "deaths-reviewed-by-category"), "10")).containsExactly("3");
        assertThat(counts(figure(report, "deaths-reviewed-modifiable"), "REVIEWED"))
                .containsExactly("3", "0", "0", "3");
        assertThat(counts(figure(report, "deaths-notified-and-reviewed"), "NOTIFIED"))
                .containsExactly("3");
        assertThat(counts(figure(report, "deaths-notified-and-reviewed"), "REVIEWED"))
                .containsExactly("3");
        assertThat(counts(figure(report, "deaths-by-age"), "UNDER_28_DAYS")).containsExactly("3");
        agree(exported.json(), report);
    }

    /**
     * Every count the return publishes by category of death and by modifiable factors, and its total, is the count
     * the CDOP report shows for the same board and year ({@code c} in the one is {@code [c]} in the other) [28].
     */
    static void agree(JsonObject exported, JsonObject report) {
        Map<String, String> r = CdopPanelIT.counts(exported);
        JsonObject category = figure(report, "deaths-reviewed-by-category");
        List<String> modifiable = counts(figure(report, "deaths-reviewed-modifiable"), "REVIEWED");
        SoftAssertions soft = new SoftAssertions();
        for (int code = 1; code <= 10; code++) {
            soft.assertThat(counts(category, String.valueOf(code)))
                    .as("category " + code)
                    .containsExactly(shown(r.get("category_of_death/" + code)));
        }
        soft.assertThat(counts(category, "TOTAL")).containsExactly(shown(r.get("total/ALL")));
        soft.assertThat(modifiable)
                .containsExactly(
                        shown(r.get("modifiable_factors/IDENTIFIED")),
                        shown(r.get("modifiable_factors/NONE_IDENTIFIED")),
                        shown(r.get("modifiable_factors/INADEQUATE_INFORMATION")),
                        shown(r.get("total/ALL")));
        soft.assertThat(counts(figure(report, "deaths-notified-and-reviewed"), "REVIEWED"))
                .containsExactly(shown(r.get("total/ALL")));
        soft.assertAll();
    }

    private static String shown(String returned) {
        return returned.equals("c") ? "[c]" : returned;
    }
}
