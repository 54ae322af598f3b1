package org.lscb.server.it;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two boards for the tenancy tests: board A is a {@link ReviewWorld} whose agencies are its members; board B
 * is another board with an officer and, when asked for, an agency of its own with an agency user.
 */
record TwoBoards(ReviewWorld a, Api.Login officerB, String boardB, Api.Login agencyB) {

    static TwoBoards create(Api api, boolean withAgencyOfB) {
        ReviewWorld a = ReviewWorld.create(api);
        for (String agency : a.agencies()) {
            addMember(api, a.board(), agency);
        }
        String boardB = api.newOrganisation("LSCB");
        Api.Login officerB = api.newAccount("LSCB_OFFICER", boardB);
        Api.Login agencyB = null;
        if (withAgencyOfB) {
            String agencyOfB = api.newOrganisation("CHILDRENS_SOCIAL_CARE");
            addMember(api, boardB, agencyOfB);
            agencyB = api.newAccount("AGENCY_USER", agencyOfB);
        }
        return new TwoBoards(a, officerB, boardB, agencyB);
    }

    /** A review of board B's own, involving none of A's organisations. */
    String reviewOfB() {
        Api.Reply r = a.api()
                .post(
                        "/api/v1/reviews",
                        officerB.token(),
                        "{\"type\":\"MANAGEMENT_REVIEW\",\"reference\":\"MR-"
                                + Api.unique() + "\",\"pseudonym\":\"Child E\",\"leadLscbId\":\"" + boardB
                                + "\",\"organisationIds\":[],"
                                + "\"dates\":{\"notification\":\""
                                + TestClock.today().minusDays(3) + "\"}}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().getString("id");
    }

    private static void addMember(Api api, String board, String organisation) {
        Api.Reply added = api.post(
                "/api/v1/organisations/" + board + "/members",
                api.adminToken(),
                "{\"organisationId\":\"" + organisation + "\"}");
        assertThat(added.status()).as(added.body()).isEqualTo(201);
    }
}
