package org.lscb.registry.reviewer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.lscb.registry.reviewer.ProfileStewardship.Change;
import org.lscb.registry.reviewer.ProfileStewardship.Editor;

class ProfileStewardshipTest {

    private static final Reviewer.Profile PROFILE = new Reviewer.Profile(
            "Robin",
            null,
            EnumSet.noneOf(ExpertiseArea.class),
            EnumSet.noneOf(Skill.class),
            EnumSet.noneOf(Region.class),
            true);

    private final Reviewer withAccount = new Reviewer("robin-account", "northmere", PROFILE, Instant.EPOCH);
    private final Reviewer withoutAccount = new Reviewer(null, "northmere", PROFILE, Instant.EPOCH);

    private static Editor officerOf(String board, Set<String> appointing, String leadOfNamedReview) {
        return new Editor(
                "officer-" + board, false, Optional.of(board), appointing, Optional.ofNullable(leadOfNamedReview));
    }

    @Test
    void theReviewer_changesEverythingOfTheirOwn() {
        for (Change c : Change.values()) {
            assertThat(ProfileStewardship.mayChange(
                            c,
                            withAccount,
                            new Editor("robin-account", false, Optional.empty(), Set.of(), Optional.empty())))
                    .as(c.name())
                    .isTrue();
        }
    }

    @Test
    void anOfficerOfAnUnrelatedBoard_changesNothing() {
        Editor eastbrook = officerOf("eastbrook", Set.of(), "northmere");
        for (Change c : Change.values()) {
            assertThat(ProfileStewardship.mayChange(c, withAccount, eastbrook))
                    .as(c.name())
                    .isFalse();
            assertThat(ProfileStewardship.mayChange(c, withoutAccount, eastbrook))
                    .as(c.name())
                    .isFalse();
        }
    }

    @Test
    void appointingTheReviewer_givesABoardNothingThatConflictsThemElsewhere() {
        Editor appointing = officerOf("eastbrook", Set.of("eastbrook"), null);

        assertThat(ProfileStewardship.mayChange(Change.EVIDENCE, withAccount, appointing))
                .isTrue();
        assertThat(ProfileStewardship.mayChange(Change.AFFILIATION, withAccount, appointing))
                .isFalse();
        assertThat(ProfileStewardship.mayChange(Change.PROFILE, withAccount, appointing))
                .isFalse();
        assertThat(ProfileStewardship.mayChange(Change.INTEREST, withAccount, appointing))
                .as("an interest naming no review")
                .isFalse();
        assertThat(ProfileStewardship.mayChange(
                        Change.INTEREST, withAccount, officerOf("eastbrook", Set.of("eastbrook"), "northmere")))
                .as("an interest in another board's review")
                .isFalse();
    }

    @Test
    void anOfficer_recordsAnInterestInAReviewTheirOwnBoardLeads() {
        assertThat(ProfileStewardship.mayChange(
                        Change.INTEREST, withAccount, officerOf("eastbrook", Set.of(), "eastbrook")))
                .isTrue();
    }

    @Test
    void theRegisteringBoard_keepsTheRecordOfAReviewerWithoutAnAccount_onlyTheDetailsOfOneWithAnAccount() {
        Editor registering = officerOf("northmere", Set.of(), null);

        assertThat(ProfileStewardship.mayChange(Change.PROFILE, withAccount, registering))
                .isTrue();
        assertThat(ProfileStewardship.mayChange(Change.AFFILIATION, withAccount, registering))
                .isFalse();
        assertThat(ProfileStewardship.mayChange(Change.INTEREST, withAccount, registering))
                .isFalse();
        assertThat(ProfileStewardship.mayChange(Change.AFFILIATION, withoutAccount, registering))
                .isTrue();
        assertThat(ProfileStewardship.mayChange(Change.INTEREST, withoutAccount, registering))
                .isTrue();
    }

    @Test
    void anAdministrator_keepsTheRegister_butDeclaresNoInterest() {
        Editor admin = new Editor("admin", true, Optional.empty(), Set.of(), Optional.empty());

        assertThat(ProfileStewardship.mayChange(Change.PROFILE, withAccount, admin))
                .isTrue();
        assertThat(ProfileStewardship.mayChange(Change.AFFILIATION, withAccount, admin))
                .isTrue();
        assertThat(ProfileStewardship.mayChange(Change.INTEREST, withAccount, admin))
                .isFalse();
    }
}
