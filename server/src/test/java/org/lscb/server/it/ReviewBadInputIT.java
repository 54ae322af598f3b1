package org.lscb.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Bad input to the review endpoints: 400 naming the field (409 for a rule of the guidance), nothing stored. */
@ExtendWith(SharedServer.class)
class ReviewBadInputIT {

    private Api api;
    private ReviewWorld w;

    @BeforeEach
    void world(Api api) {
        this.api = api;
        this.w = ReviewWorld.create(api);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "unknown type                    | \"type\":\"INQUIRY\"                                         | type",
                "a future notification           | \"dates\":{\"notification\":\"2999-01-01\"}                  | dates.notification",
                "notification before incident    | \"dates\":{\"incident\":\"2026-03-10\",\"notification\":\"2026-03-01\"} | dates.notification",
                "not a date                      | \"dates\":{\"notification\":\"10/03/2026\"}                  | dates.notification",
                "a field for the child's name    | \"childName\":\"Jane Smith\"                                 | childName",
                "an address inside dates         | \"dates\":{\"notification\":\"2026-03-01\",\"address\":\"1 High St\"} | dates.address",
                "a pseudonym holding a date      | \"pseudonym\":\"Child 12-03-2014\"                           | pseudonym",
                "a pseudonym holding a postcode  | \"pseudonym\":\"Child SW1A 1AA\"                             | pseudonym",
                "organisations as text           | \"organisationIds\":\"all\"                                  | organisationIds",
                "an unknown organisation         | \"organisationIds\":[\"00000000-0000-0000-0000-000000000000\"] | organisationIds",
                "no notification date for an SCR | \"dates\":{}                                                 | dates.notification",
            })
    void openingAnScr_withBadInput_is400NamingTheField(String what, String override, String field) {
        Api.Reply r = api.post("/api/v1/reviews", w.officer().token(), scr(override));

        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.json().getJsonObject("details").getString("field")).isEqualTo(field);
        assertThat(ReviewsIT.ids(
                        api.get("/api/v1/reviews?size=100", w.officer().token()).json()))
                .isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "aged 18                | \"ageAtDeathYears\":18                              | childDeath.ageAtDeathYears",
                "aged 40                | \"ageAtDeathYears\":40                              | childDeath.ageAtDeathYears",
                "a negative age         | \"ageAtDeathYears\":-1                              | childDeath.ageAtDeathYears",
                "age as text            | \"ageAtDeathYears\":\"ten\"                         | childDeath.ageAtDeathYears",
                "a stillbirth           | \"ageAtDeathYears\":0,\"stillbirth\":true           | childDeath.stillbirth",
                "a lawful termination   | \"ageAtDeathYears\":0,\"lawfulTermination\":true    | childDeath.lawfulTermination",
                "a date of birth        | \"ageAtDeathYears\":3,\"dateOfBirth\":\"2023-01-01\" | childDeath.dateOfBirth",
                "age in days too great  | \"ageAtDeathYears\":0,\"ageAtDeathDays\":400      | childDeath.ageAtDeathDays",
                "age in days past one   | \"ageAtDeathYears\":4,\"ageAtDeathDays\":10       | childDeath.ageAtDeathDays",
            })
    void openingAChildDeathReview_outsideTheCdopRemit_is400(String what, String death, String field) {
        Api.Reply r = api.post(
                "/api/v1/reviews",
                w.officer().token(),
                "{\"type\":\"CHILD_DEATH_REVIEW\",\"reference\":\"C-" + Api.unique()
                        + "\",\"pseudonym\":\"Child C\",\"leadLscbId\":\"" + w.board()
                        + "\",\"organisationIds\":[],\"dates\":{\"death\":\""
                        + TestClock.today().minusDays(1) + "\"},\"childDeath\":{" + death + "}}");

        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.json().getJsonObject("details").getString("field")).isEqualTo(field);
    }

    /**
     * Integers in JSON are exact (issue 16): an age that would wrap to 5 in 32 bits or lose its fraction is refused
     * naming the field, not stored as 5 or 2.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "wraps to 5 in 32 bits          | 4294967301",
                "wraps to 5 from below          | -4294967291",
                "a fraction                     | 2.5",
                "a fraction as an exponent      | 25e-1",
                "one more than an int holds     | 2147483648",
                "beyond any long                | 99999999999999999999",
                "an exponent no number can hold | 1e9999999999",
            })
    void openingAChildDeathReview_withAnAgeThatIsNotAnExactInteger_is400_andStoresNothing(String what, String age) {
        int before = ReviewsIT.ids(
                        api.get("/api/v1/reviews?size=100", w.officer().token()).json())
                .size();

        Api.Reply r = api.post("/api/v1/reviews", w.officer().token(), childDeath(age));

        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.error()).isEqualTo("invalid_request");
        assertThat(r.json().getJsonObject("details").getString("field")).isEqualTo("childDeath.ageAtDeathYears");
        assertThat(ReviewsIT.ids(
                        api.get("/api/v1/reviews?size=100", w.officer().token()).json()))
                .hasSize(before);
    }

    /** JSON has one number type: 2.0 is the whole number 2 (as JSON Schema's integer says), and is stored as exactly 2. */
    @Test
    void anAgeOfTwoSpeltAsADecimal_isTheWholeNumberTwo() {
        Api.Reply r = api.post("/api/v1/reviews", w.officer().token(), childDeath("2.0"));

        assertThat(r.status()).as(r.body()).isEqualTo(201);
        String id = r.json().getString("id");
        assertThat(api.get("/api/v1/reviews/" + id, w.officer().token())
                        .json()
                        .getJsonObject("childDeath")
                        .getInt("ageAtDeathYears"))
                .isEqualTo(2);
    }

    private String childDeath(String age) {
        return "{\"type\":\"CHILD_DEATH_REVIEW\",\"reference\":\"C-" + Api.unique()
                + "\",\"pseudonym\":\"Child C\",\"leadLscbId\":\""
                + w.board() + "\",\"organisationIds\":[],\"dates\":{\"death\":\""
                + TestClock.today().minusDays(1)
                + "\"},\"childDeath\":{\"ageAtDeathYears\":" + age + ",\"unexpected\":true}}";
    }

    @Test
    void cooperatingBoardThatIsAnAgency_is400() {
        Api.Reply r = api.post(
                "/api/v1/reviews",
                w.officer().token(),
                scr("\"cooperatingLscbIds\":[\"" + w.agencies().get(0) + "\"]"));

        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.json().getJsonObject("details").getString("field")).isEqualTo("cooperatingLscbIds");
    }

    @Test
    void sameReferenceTwice_is409() {
        String body = scr("\"reference\":\"DUP-" + Api.unique() + "\"");
        assertThat(api.post("/api/v1/reviews", w.officer().token(), body).status())
                .isEqualTo(201);

        Api.Reply again = api.post("/api/v1/reviews", w.officer().token(), body);

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.error()).isEqualTo("duplicate_reference");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "an unknown role           | {\"reviewerId\":\"R\",\"role\":\"CHAIR\"}                      | role",
                "both ids                  | {\"reviewerId\":\"R\",\"accountId\":\"R\",\"role\":\"PANEL_MEMBER\"} | reviewerId",
                "an unknown reviewer       | {\"reviewerId\":\"nobody\",\"role\":\"PANEL_MEMBER\"}          | reviewerId",
                "a blank override reason   | {\"reviewerId\":\"R\",\"role\":\"LEAD_REVIEWER\",\"override\":{\"reason\":\" \"}} | override.reason",
                "a coroner by reviewer id  | {\"reviewerId\":\"R\",\"role\":\"CORONER\"}                     | accountId",
            })
    void appointing_withBadInput_is400(String what, String body, String field) {
        String id = w.openScr(2).getString("id");
        String reviewer = w.reviewer(null);

        Api.Reply r = api.post(
                "/api/v1/reviews/" + id + "/appointments",
                w.officer().token(),
                body.replace("\"R\"", "\"" + reviewer + "\""));

        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.json().getJsonObject("details").getString("field")).isEqualTo(field);
        assertThat(api.get("/api/v1/reviews/" + id, w.officer().token()).json().getJsonArray("appointments"))
                .isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "an unknown decision       | \"decision\":\"MAYBE\"                         | decision",
                "missing facts             | \"facts\":null                                 | facts",
                "a decision in the future  | \"decidedOn\":\"2999-01-01\"                   | decidedOn",
                "no reason                 | \"reason\":\"\"                                | reason",
            })
    void decidingAnScr_withBadInput_is400(String what, String override, String field) {
        String id = w.openScr(2).getString("id");
        String key = override.substring(1, override.indexOf('"', 1));
        StringBuilder body = new StringBuilder("{");
        append(
                body,
                key,
                "facts",
                "\"facts\":{\"abuseOrNeglectKnownOrSuspected\":true,\"childDied\":true,\"seriouslyHarmed\":false,"
                        + "\"interAgencyConcern\":\"YES\"}");
        append(body, key, "decision", "\"decision\":\"COMMISSION_SCR\"");
        append(body, key, "reason", "\"reason\":\"met\"");
        body.append(override).append('}');

        Api.Reply r =
                api.post("/api/v1/reviews/" + id + "/scr-decision", w.chair().token(), body.toString());

        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.json().getJsonObject("details").getString("field")).isEqualTo(field);
        assertThat(api.get("/api/v1/reviews/" + id, w.officer().token()).json().getString("status"))
                .isEqualTo("AWAITING_DECISION");
    }

    @Test
    void missingInterAgencyFact_is400NamingIt() {
        String id = w.openScr(2).getString("id");

        Api.Reply r = api.post(
                "/api/v1/reviews/" + id + "/scr-decision",
                w.chair().token(),
                "{\"facts\":{\"abuseOrNeglectKnownOrSuspected\":true,"
                        + "\"childDied\":false,\"seriouslyHarmed\":true},\"decision\":\"NO_REVIEW\",\"reason\":\"x\"}");

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().getJsonObject("details").getString("field")).isEqualTo("facts.interAgencyConcern");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "an unknown clock     | NEVER_CLOCK   | {\"action\":\"MET\"}                      | clock",
                "an unknown action    | RAPID_REVIEW  | {\"action\":\"STOP\"}                     | action",
                "a pause with no reason | SCR_DECISION | {\"action\":\"PAUSE\"}                   | clock",
                "met in the future    | RAPID_REVIEW  | {\"action\":\"MET\",\"on\":\"2999-01-01\"} | on",
                "a clock not running  | HOME_VISIT    | {\"action\":\"MET\"}                      | clock",
            })
    void movingAClock_withBadInput_is400(String what, String clock, String body, String field) {
        String id = w.openScr(2).getString("id");

        Api.Reply r = api.post(
                "/api/v1/reviews/" + id + "/clocks/" + clock, w.officer().token(), body);

        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.json().getJsonObject("details").getString("field")).isEqualTo(field);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "clock=LATE                   | clock",
                "status=OPEN'%20OR%20'1'='1   | status",
                "type=%3B%20DROP%20TABLE%20review | type",
                "size=1000                    | size",
            })
    void listing_withBadParameters_is400(String query, String field) {
        Api.Reply r = api.get("/api/v1/reviews?" + query, w.officer().token());

        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.json().getJsonObject("details").getString("field")).isEqualTo(field);
    }

    private String scr(String override) {
        String key = override.substring(1, override.indexOf('"', 1));
        StringBuilder b = new StringBuilder("{");
        append(b, key, "type", "\"type\":\"SERIOUS_CASE_REVIEW\"");
        append(b, key, "reference", "\"reference\":\"B-" + Api.unique() + "\"");
        append(b, key, "pseudonym", "\"pseudonym\":\"Child B\"");
        append(b, key, "leadLscbId", "\"leadLscbId\":\"" + w.board() + "\"");
        append(b, key, "organisationIds", "\"organisationIds\":" + ReviewWorld.quoted(w.agencies()));
        append(
                b,
                key,
                "dates",
                "\"dates\":{\"notification\":\"" + TestClock.today().minusDays(1) + "\"}");
        b.append(override).append('}');
        return b.toString();
    }

    private static void append(StringBuilder b, String overridden, String key, String json) {
        if (!key.equals(overridden)) {
            b.append(json).append(',');
        }
    }
}
