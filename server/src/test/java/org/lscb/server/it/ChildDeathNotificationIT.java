package org.lscb.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A professional notifies a child's death [24] (docs/api.md "Child death notifications"): the review opens at
 * the lead board [25] with its rapid-response clocks, a second notification of the same child joins it, and the
 * NHS number and date of birth never come back.
 */
@ExtendWith(SharedServer.class)
class ChildDeathNotificationIT {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String PATH = "/api/v1/child-death-notifications";

    @Test
    void policeNotifies_theReviewOpensAtTheBoardOfResidence_withItsClocks_andHealthJoinsIt(Api api) {
        ReviewWorld w = ReviewWorld.create(api);
        Api.Login health = api.newAccount("AGENCY_USER", w.agencies().get(1));
        Child child = Child.next();
        Instant died = Instant.now().minus(Duration.ofHours(20));
        LocalDate diedOn = LocalDate.ofInstant(died, TestClock.ENGLAND);

        // "unexpected" not said: if in doubt, unexpected (Appendix 1)
        Api.Reply first = api.post(
                PATH, w.police().token(), body(child, died, w.board(), Map.of()).toString());
        Api.Reply second = api.post(
                PATH,
                health.token(),
                body(child, died.plusSeconds(600), w.board(), Map.of("placeOfDeath", "HOSPITAL"))
                        .toString());

        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(first.json().getBoolean("duplicate")).isFalse();
        JsonObject review = first.json().getJsonObject("review");
        String id = review.getString("id");
        assertThat(first.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/api/v1/reviews/" + id));
        assertThat(review.getString("type")).isEqualTo("CHILD_DEATH_REVIEW");
        assertThat(review.getString("leadLscbId")).isEqualTo(w.board());
        assertThat(review.getJsonObject("dates").getString("death")).isEqualTo(diedOn.toString());
        assertThat(review.getJsonObject("childDeath").getBoolean("unexpected")).isTrue();
        assertThat(clocks(review))
                .containsEntry("CORONER_JOINT_REPORT", diedOn.toString())
                .containsEntry("HOME_VISIT", diedOn.toString());
        assertThat(review.getJsonArray("access").getString(0)).isEqualTo("INVOLVED_AGENCY");

        assertThat(second.status()).as(second.body()).isEqualTo(200);
        assertThat(second.json().getBoolean("duplicate")).isTrue();
        assertThat(second.json().getJsonObject("review").getString("id")).isEqualTo(id);
        assertThat(second
                        .json()
                        .getJsonObject("review")
                        .getJsonArray("organisationIds")
                        .getValuesAs(jakarta.json.JsonString.class)
                        .stream()
                        .map(jakarta.json.JsonString::getString))
                .contains(w.agencies().get(0), w.agencies().get(1));

        JsonObject seenByOfficer =
                api.get("/api/v1/reviews/" + id, w.officer().token()).json();
        assertThat(seenByOfficer.getJsonArray("access").getString(0)).isEqualTo("LEAD_BOARD_OFFICER");
        assertThat(ReviewsIT.ids(api.get(
                                "/api/v1/reviews?type=CHILD_DEATH_REVIEW",
                                w.officer().token())
                        .json()))
                .containsExactly(id);
        assertThat(ReviewsIT.audit(api, id)).contains("CHILD_DEATH_NOTIFIED", "CHILD_DEATH_NOTIFICATION_JOINED");

        // the identifiers never come back, in an answer or in the audit
        String audit = api.get("/api/v1/audit?reviewId=" + id + "&size=100", api.adminToken())
                .body();
        for (String text : List.of(first.body(), second.body(), seenByOfficer.toString(), audit)) {
            assertThat(text)
                    .doesNotContain(child.nhsNumber())
                    .doesNotContain(child.born().toString());
        }
    }

    @Test
    void officerOpeningAChildDeathReview_withoutSayingUnexpected_startsTheCoronerAndHomeVisitClocks(Api api) {
        ReviewWorld w = ReviewWorld.create(api);
        LocalDate died = TestClock.today().minusDays(1);

        Api.Reply r = api.post(
                "/api/v1/reviews",
                w.officer().token(),
                "{\"type\":\"CHILD_DEATH_REVIEW\",\"reference\":\"CDR-" + Api.unique()
                        + "\",\"pseudonym\":\"Baby D\",\"residenceLscbId\":\"" + w.board()
                        + "\",\"organisationIds\":[],\"dates\":{\"death\":\"" + died
                        + "\"},\"childDeath\":{\"ageAtDeathYears\":0,\"atHome\":true}}");

        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(r.json().getJsonObject("childDeath").getBoolean("unexpected"))
                .isTrue();
        assertThat(clocks(r.json()))
                .containsEntry("CORONER_JOINT_REPORT", died.toString())
                .containsEntry("HOME_VISIT", died.toString());
    }

    @Test
    void lookedAfterChild_isLedByTheLookingAfterBoard_andTheResidenceBoardCooperates(Api api) {
        ReviewWorld w = ReviewWorld.create(api);
        String residence = api.newOrganisation("LSCB");
        Instant died = Instant.now().minus(Duration.ofDays(2));

        Api.Reply r = api.post(
                PATH,
                w.police().token(),
                body(
                                Child.next(),
                                died,
                                residence,
                                Map.of(
                                        "lookedAfter",
                                        JsonValue.TRUE,
                                        "lookedAfterByLscbId",
                                        w.board(),
                                        "unexpected",
                                        JsonValue.FALSE,
                                        "placeOfDeath",
                                        "HOSPITAL"))
                        .toString());

        assertThat(r.status()).as(r.body()).isEqualTo(201);
        JsonObject review = r.json().getJsonObject("review");
        assertThat(review.getString("leadLscbId")).isEqualTo(w.board());
        assertThat(review.getJsonArray("cooperatingLscbIds").getString(0)).isEqualTo(residence);
        assertThat(review.getBoolean("lookedAfter")).isTrue();
        assertThat(clocks(review)).doesNotContainKeys("CORONER_JOINT_REPORT", "HOME_VISIT");
    }

    @Test
    void badInputOnEveryField_is400NamingTheField_andStoresNothing(Api api) {
        ReviewWorld w = ReviewWorld.create(api);
        Instant died = Instant.now().minus(Duration.ofDays(1));
        Child child = Child.next();
        Map<String, UnaryOperator<JsonObjectBuilder>> cases = new LinkedHashMap<>();
        cases.put("nhsNumber: wrong check digit", b -> b.add("nhsNumber", wrongCheckDigit(child.nhsNumber())));
        cases.put("nhsNumber: remainder 10", b -> b.add("nhsNumber", "1234567890"));
        cases.put("nhsNumber: letters", b -> b.add("nhsNumber", "94347659AB"));
        cases.put("nhsNumber: nine digits", b -> b.add("nhsNumber", "943476591"));
        cases.put("nhsNumber: missing", b -> b.remove("nhsNumber"));
        cases.put("dateOfBirth: in the future", b -> b.add("dateOfBirth", "2999-01-01"));
        cases.put("dateOfBirth: not a date", b -> b.add("dateOfBirth", "01/03/2025"));
        cases.put(
                "dateOfBirth: 18 years before the death",
                b -> b.add(
                        "dateOfBirth",
                        LocalDate.ofInstant(died, TestClock.ENGLAND)
                                .minusYears(18)
                                .toString()));
        cases.put(
                "dateTimeOfDeath: in the future",
                b -> b.add(
                        "dateTimeOfDeath",
                        Instant.now().plus(Duration.ofDays(2)).toString()));
        cases.put(
                "dateTimeOfDeath: before the birth",
                b -> b.add("dateTimeOfDeath", child.born().minusDays(2) + "T10:00:00Z"));
        cases.put("dateTimeOfDeath: no offset", b -> b.add("dateTimeOfDeath", "2026-01-01T10:00:00"));
        cases.put("dateTimeOfDeath: missing", b -> b.remove("dateTimeOfDeath"));
        cases.put("placeOfDeath: unknown", b -> b.add("placeOfDeath", "GARDEN"));
        cases.put("residenceLscbId: unknown", b -> b.add("residenceLscbId", "00000000-0000-0000-0000-000000000000"));
        cases.put(
                "residenceLscbId: not a board",
                b -> b.add("residenceLscbId", w.agencies().get(0)));
        cases.put("lookedAfter: missing", b -> b.remove("lookedAfter"));
        cases.put("lookedAfterByLscbId: missing for a looked-after child", b -> b.add("lookedAfter", true));
        cases.put(
                "lookedAfterByLscbId: unknown",
                b -> b.add("lookedAfter", true).add("lookedAfterByLscbId", "00000000-0000-0000-0000-000000000000"));
        cases.put("unexpected: text", b -> b.add("unexpected", "yes"));
        cases.put("whatIsKnown: control characters", b -> b.add("whatIsKnown", "line\u0007bell"));
        cases.put("whatIsKnown: too long", b -> b.add("whatIsKnown", "x".repeat(1001)));
        cases.put("childName: no such field", b -> b.add("childName", "Jane Smith"));

        for (var c : cases.entrySet()) {
            String field = c.getKey().substring(0, c.getKey().indexOf(':'));
            JsonObjectBuilder b = Json.createObjectBuilder(body(child, died, w.board(), Map.of()));
            Api.Reply r = api.post(
                    PATH, w.police().token(), c.getValue().apply(b).build().toString());

            assertThat(r.status()).as(c.getKey() + ": " + r.body()).isEqualTo(400);
            assertThat(r.json().getJsonObject("details").getString("field"))
                    .as(c.getKey())
                    .isEqualTo(field);
        }
        assertThat(ReviewsIT.ids(
                        api.get("/api/v1/reviews?size=100", w.officer().token()).json()))
                .isEmpty();
        Api.Reply good = api.post(
                PATH, w.police().token(), body(child, died, w.board(), Map.of()).toString());
        assertThat(good.status())
                .as("nothing of this child was stored: " + good.body())
                .isEqualTo(201);
    }

    @ParameterizedTest
    @ValueSource(strings = {"REVIEWER", "CDOP_MEMBER", "ADMIN"})
    void rolesThatDoNotNotify_are403_andNothingOpens(String role, Api api) {
        ReviewWorld w = ReviewWorld.create(api);
        Api.Login caller = api.newAccount(role);

        Api.Reply r = api.post(
                PATH,
                caller.token(),
                body(Child.next(), Instant.now().minusSeconds(3600), w.board(), Map.of())
                        .toString());

        assertThat(r.status()).as(r.body()).isEqualTo(403);
        assertThat(r.error()).isEqualTo("forbidden");
        assertThat(ReviewsIT.ids(api.get("/api/v1/reviews", w.officer().token()).json()))
                .isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"LSCB_OFFICER", "PAEDIATRICIAN", "CORONER"})
    void otherProfessionals_notifyToo(String role, Api api) {
        ReviewWorld w = ReviewWorld.create(api);
        Api.Login caller = role.equals("LSCB_OFFICER") ? w.officer() : api.newAccount(role);

        Api.Reply r = api.post(
                PATH,
                caller.token(),
                body(Child.next(), Instant.now().minusSeconds(3600), w.board(), Map.of())
                        .toString());

        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(r.json().getJsonObject("review").getString("leadLscbId")).isEqualTo(w.board());
    }

    @Test
    void anonymous_is401(Api api) {
        ReviewWorld w = ReviewWorld.create(api);

        Api.Reply r = api.post(
                PATH,
                null,
                body(Child.next(), Instant.now().minusSeconds(3600), w.board(), Map.of())
                        .toString());

        assertThat(r.status()).isEqualTo(401);
    }

    /** A child of the test's own: a valid NHS number and a birthday that no other test or run shares. */
    record Child(String nhsNumber, LocalDate born) {
        static Child next() {
            while (true) {
                StringBuilder nine = new StringBuilder();
                int sum = 0;
                for (int i = 0; i < 9; i++) {
                    int d = RANDOM.nextInt(10);
                    nine.append(d);
                    sum += d * (10 - i);
                }
                int check = 11 - sum % 11;
                if (check != 10) {
                    return new Child(
                            nine.toString() + (check == 11 ? 0 : check),
                            TestClock.today().minusDays(30 + RANDOM.nextInt(3000)));
                }
            }
        }
    }

    static String wrongCheckDigit(String nhs) {
        char last = nhs.charAt(9);
        return nhs.substring(0, 9) + (char) (last == '9' ? '0' : last + 1);
    }

    static JsonObject body(Child child, Instant died, String residence, Map<String, Object> overrides) {
        JsonObjectBuilder b = Json.createObjectBuilder()
                .add("nhsNumber", child.nhsNumber())
                .add("dateOfBirth", child.born().toString())
                .add("dateTimeOfDeath", died.toString())
                .add("placeOfDeath", "HOME")
                .add("residenceLscbId", residence)
                .add("lookedAfter", false)
                .add("whatIsKnown", "Found unresponsive by a parent; ambulance called.");
        overrides.forEach((k, v) -> {
            if (v instanceof JsonValue j) {
                b.add(k, j);
            } else {
                b.add(k, v.toString());
            }
        });
        return b.build();
    }

    /** Each running clock by name, with the day it started. */
    static Map<String, String> clocks(JsonObject review) {
        Map<String, String> out = new LinkedHashMap<>();
        for (JsonObject c : review.getJsonArray("clocks").getValuesAs(JsonObject.class)) {
            out.put(c.getString("clock"), c.getString("startedOn"));
        }
        return out;
    }
}
