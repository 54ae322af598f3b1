package org.lscb.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;
import org.lscb.server.it.browser.PageClient;

/**
 * The access matrix of the annual reports, as JSON and as pages and PDFs (docs/api.md "Reports"): board A's
 * officer and Chair read both, its CDOP member the CDOP's only; the officers, Chair and CDOP member of board B
 * asking for board A's are told there is none (404, as for another board's review); agency staff, reviewers,
 * coroners, paediatricians and administrators are refused (403); no token is 401, no session a 303 to sign in.
 */
@ExtendWith(SharedServer.class)
class ReportAccessIT {

    enum Who {
        NOBODY,
        OFFICER_A,
        CHAIR_A,
        CDOP_A,
        OFFICER_B,
        CHAIR_B,
        CDOP_B,
        AGENCY_A,
        REVIEWER,
        CORONER,
        PAEDIATRICIAN,
        ADMIN
    }

    @TestFactory
    Stream<DynamicTest> each_report_answers_each_person_as_the_access_rules_say(Api api) {
        ReviewWorld a = ReviewWorld.create(api);
        String boardB = api.newOrganisation("LSCB");
        Map<Who, Api.Login> logins = new LinkedHashMap<>();
        logins.put(Who.OFFICER_A, a.officer());
        logins.put(Who.CHAIR_A, a.chair());
        logins.put(Who.CDOP_A, api.newAccount("CDOP_MEMBER", a.board()));
        logins.put(Who.OFFICER_B, api.newAccount("LSCB_OFFICER", boardB));
        logins.put(Who.CHAIR_B, api.newAccount("LSCB_CHAIR", boardB));
        logins.put(Who.CDOP_B, api.newAccount("CDOP_MEMBER", boardB));
        logins.put(Who.AGENCY_A, a.police());
        logins.put(Who.REVIEWER, api.newAccount("REVIEWER"));
        logins.put(Who.CORONER, api.newAccount("CORONER"));
        logins.put(Who.PAEDIATRICIAN, api.newAccount("PAEDIATRICIAN"));
        logins.put(Who.ADMIN, api.newAccount("ADMIN"));

        Map<Who, Integer> board = answers(Who.OFFICER_A, Who.CHAIR_A);
        Map<Who, Integer> cdop = answers(Who.OFFICER_A, Who.CHAIR_A, Who.CDOP_A);
        List<DynamicTest> tests = new ArrayList<>();
        String query = "?year=2026&board=" + a.board();
        for (Who who : Who.values()) {
            Api.Login login = logins.get(who);
            String token = login == null ? null : login.token();
            PageClient browser = login == null ? new PageClient(api.baseUrl()) : AnnualReportsIT.signedIn(api, login);
            check(
                    tests,
                    who,
                    "/api/v1/reports/board-annual" + query,
                    board,
                    () -> api.get("/api/v1/reports/board-annual" + query, token).status());
            check(
                    tests,
                    who,
                    "/api/v1/reports/cdop-annual" + query,
                    cdop,
                    () -> api.get("/api/v1/reports/cdop-annual" + query, token).status());
            for (String page : List.of("/reports/board-annual", "/reports/board-annual.pdf")) {
                check(
                        tests,
                        who,
                        page + query,
                        board,
                        () -> browser.get(page + query).status());
            }
            for (String page : List.of("/reports/cdop-annual", "/reports/cdop-annual.pdf")) {
                check(
                        tests,
                        who,
                        page + query,
                        cdop,
                        () -> browser.get(page + query).status());
            }
            Map<Who, Integer> list = answers(Who.OFFICER_A, Who.CHAIR_A, Who.CDOP_A);
            list.put(Who.OFFICER_B, 200);
            list.put(Who.CHAIR_B, 200);
            list.put(Who.CDOP_B, 200);
            check(tests, who, "/reports", list, () -> browser.get("/reports").status());
        }
        return tests.stream();
    }

    /** 200 for the readers named, 404 for board B's people of the same roles, 403 for anyone else. */
    private static Map<Who, Integer> answers(Who... readers) {
        Map<Who, Integer> m = new LinkedHashMap<>();
        for (Who r : readers) {
            m.put(r, 200);
            m.put(Who.valueOf(r.name().replace("_A", "_B")), 404);
        }
        return m;
    }

    private static void check(
            List<DynamicTest> tests,
            Who who,
            String path,
            Map<Who, Integer> answers,
            java.util.function.IntSupplier status) {
        int expected = who == Who.NOBODY ? (path.startsWith("/api/") ? 401 : 303) : answers.getOrDefault(who, 403);
        tests.add(DynamicTest.dynamicTest(
                "GET " + path.replaceAll("board=[^&]+", "board={A}") + " as " + who,
                () -> assertThat(status.getAsInt()).isEqualTo(expected)));
    }
}
