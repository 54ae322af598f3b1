package org.lscb.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.time.LocalDate;
import java.util.List;

/**
 * A board of a test's own with an officer, its Chair, three agencies (police, health, children's social care)
 * and an agency user in the police; helpers that open reviews and make reviewers on it.
 */
record ReviewWorld(Api api, String board, Api.Login officer, List<String> agencies, Api.Login police, Api.Login chair) {

    static ReviewWorld create(Api api) {
        String board = api.newOrganisation("LSCB");
        Api.Login officer = api.newAccount("LSCB_OFFICER", board);
        List<String> agencies = List.of(
                api.newOrganisation("POLICE"),
                api.newOrganisation("HEALTH"),
                api.newOrganisation("CHILDRENS_SOCIAL_CARE"));
        return new ReviewWorld(
                api,
                board,
                officer,
                agencies,
                api.newAccount("AGENCY_USER", agencies.get(0)),
                api.newAccount("LSCB_CHAIR", board));
    }

    /** An SCR for the three agencies, notified {@code daysAgo} days ago; answers the review. */
    JsonObject openScr(int daysAgo) {
        LocalDate notified = TestClock.today().minusDays(daysAgo);
        Api.Reply r = api.post(
                "/api/v1/reviews",
                officer.token(),
                "{\"type\":\"SERIOUS_CASE_REVIEW\",\"reference\":\"SCR-" + Api.unique()
                        + "\",\"pseudonym\":\"Child A\",\"leadLscbId\":\"" + board + "\",\"organisationIds\":"
                        + quoted(agencies)
                        + ",\"dates\":{\"incident\":\"" + notified.minusDays(2) + "\",\"notification\":\"" + notified
                        + "\"}}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json();
    }

    /** A child death review of an unexpected death at home {@code daysAgo} days ago. */
    JsonObject openChildDeath(int daysAgo) {
        LocalDate died = TestClock.today().minusDays(daysAgo);
        Api.Reply r = api.post(
                "/api/v1/reviews",
                officer.token(),
                "{\"type\":\"CHILD_DEATH_REVIEW\",\"reference\":\"CDR-" + Api.unique()
                        + "\",\"pseudonym\":\"Baby N\",\"residenceLscbId\":\"" + board + "\",\"organisationIds\":"
                        + quoted(agencies.subList(0, 2))
                        + ",\"dates\":{\"death\":\"" + died
                        + "\"},\"childDeath\":{\"ageAtDeathYears\":0,\"unexpected\":true,\"atHome\":true}}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json();
    }

    /** A qualified reviewer on the register; employed now by {@code employer} when it is not null. */
    String reviewer(String employer) {
        String id = ReviewerRegistryIT.reviewer(api, officer, "Reviewer " + Api.unique(), "HEALTH", "LONDON");
        ReviewerRegistryIT.verifiedTraining(api, officer, id);
        if (employer != null) {
            ReviewerRegistryIT.affiliation(
                    api,
                    officer.token(),
                    id,
                    employer,
                    TestClock.today().minusYears(3).toString(),
                    null);
        }
        return id;
    }

    /** A qualified reviewer appointed to lead the review; answers the reviewer's id. */
    String appointedLead(String reviewId) {
        String lead = reviewer(null);
        assertThat(appoint(reviewId, lead, "LEAD_REVIEWER").status()).isEqualTo(201);
        return lead;
    }

    Api.Reply appoint(String reviewId, String reviewerId, String role) {
        return api.post(
                "/api/v1/reviews/" + reviewId + "/appointments",
                officer.token(),
                "{\"reviewerId\":\"" + reviewerId + "\",\"role\":\"" + role + "\"}");
    }

    /** The board's Chair records the SCR decision [7, 18]. */
    Api.Reply decide(String reviewId, String decisionJson) {
        return api.post("/api/v1/reviews/" + reviewId + "/scr-decision", chair.token(), decisionJson);
    }

    static String quoted(List<String> ids) {
        return ids.stream()
                .map(i -> "\"" + i + "\"")
                .reduce((a, b) -> a + "," + b)
                .map(s -> "[" + s + "]")
                .orElse("[]");
    }
}
