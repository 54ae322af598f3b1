package org.lscb.server.demo;

import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.lscb.identity.account.Account;
import org.lscb.identity.organisation.Organisation;
import org.lscb.registry.reviewer.Affiliation;
import org.lscb.registry.reviewer.AffiliationKind;
import org.lscb.registry.reviewer.Evidence;
import org.lscb.registry.reviewer.EvidenceType;
import org.lscb.registry.reviewer.ExpertiseArea;
import org.lscb.registry.reviewer.FictionalReviewers;
import org.lscb.registry.reviewer.Region;
import org.lscb.registry.reviewer.Reviewer;
import org.lscb.registry.reviewer.ReviewerRepository;
import org.lscb.registry.reviewer.Skill;

/**
 * The demo register: the two demo reviewers with profiles that show both answers of the
 * independence check for the Northmere agencies, and forty generated reviewers around them.
 */
final class DemoReviewers {

    static final int GENERATED = 40;

    private DemoReviewers() {}

    /** @return Rowan (reviewer1) and Robin (reviewer2), then the generated ones are stored too */
    static List<Reviewer> seed(
            EntityManager em, Map<String, Organisation> orgs, Map<String, Account> accounts, Instant now) {
        ReviewerRepository reviewers = new ReviewerRepository(em);
        LocalDate today = now.atZone(ZoneOffset.UTC).toLocalDate();
        String officer = accounts.get("officer").id();

        // Rowan: qualified, but left Northmere's health trust less than five years ago
        Reviewer rowan = new Reviewer(
                accounts.get("reviewer1").id(),
                new Reviewer.Profile(
                        "Rowan Reviewer",
                        "Former named nurse for safeguarding; leads systems reviews of neglect and of health visiting practice.",
                        Set.of(ExpertiseArea.HEALTH, ExpertiseArea.CHILDRENS_SOCIAL_CARE),
                        Set.of(Skill.INVESTIGATION, Skill.REPORT_WRITING),
                        Set.of(Region.NORTH_WEST),
                        true),
                now);
        Evidence rowanTraining = rowan.addEvidence(
                new Evidence(
                        EvidenceType.TRAINING,
                        "Learning Together systems model accreditation",
                        "Social Care Institute for Excellence",
                        today.minusYears(2),
                        null,
                        null,
                        today),
                now);
        rowan.verifyEvidence(rowanTraining.id(), officer, now, "certificate seen");
        rowan.addAffiliation(
                new Affiliation(
                        orgs.get("health").id(),
                        AffiliationKind.EMPLOYMENT,
                        "Named nurse for safeguarding",
                        today.minusYears(14),
                        today.minusYears(2)),
                now);
        reviewers.add(rowan);

        // Robin: qualified and independent of Northmere's agencies; sits on Eastbrook's board
        Reviewer robin = new Reviewer(
                accounts.get("reviewer2").id(),
                new Reviewer.Profile(
                        "Robin Reviewer",
                        "Retired detective superintendent; independent chair of serious case reviews on domestic abuse and exploitation.",
                        Set.of(ExpertiseArea.POLICE, ExpertiseArea.DOMESTIC_ABUSE),
                        Set.of(Skill.INVESTIGATION, Skill.INTERVIEWING_AND_FACILITATION),
                        Set.of(Region.YORKSHIRE_AND_THE_HUMBER, Region.NORTH_WEST),
                        true),
                now);
        Evidence robinTrack = robin.addEvidence(
                new Evidence(
                        EvidenceType.TRACK_RECORD,
                        "Lead reviewer, two serious case reviews",
                        "Westvale LSCB",
                        today.minusYears(3),
                        null,
                        null,
                        today),
                now);
        robin.verifyEvidence(robinTrack.id(), officer, now, "confirmed with Westvale LSCB");
        robin.addAffiliation(
                new Affiliation(
                        orgs.get("board2").id(),
                        AffiliationKind.BOARD,
                        "Independent member",
                        today.minusYears(1),
                        null),
                now);
        reviewers.add(robin);

        List<String> agencies = List.of(
                orgs.get("police").id(),
                orgs.get("health").id(),
                orgs.get("socialcare").id(),
                orgs.get("education").id(),
                orgs.get("board2").id());
        new FictionalReviewers(2026, agencies, today).stream(GENERATED).forEach(reviewers::add);
        return List.of(rowan, robin);
    }
}
