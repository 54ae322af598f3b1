package org.lscb.identity.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;

class BoardReachTest {

    private final BoardReach northmere = BoardReach.ofBoard("northmere", Set.of("nm-police", "shared-health"));

    @Test
    void aBoardCoversItselfAndItsMembers() {
        assertThat(northmere.covers("northmere")).isTrue();
        assertThat(northmere.covers("nm-police")).isTrue();
        assertThat(northmere.covers("shared-health")).isTrue();
    }

    @Test
    void aBoardDoesNotCoverAnotherBoardOrItsMembers() {
        BoardReach eastbrook = BoardReach.ofBoard("eastbrook", Set.of("eb-care", "shared-health"));

        assertThat(eastbrook.covers("northmere")).isFalse();
        assertThat(eastbrook.covers("nm-police")).isFalse();
        assertThat(eastbrook.covers("shared-health")).as("a member of both").isTrue();
    }

    @Test
    void noOrganisation_isCoveredOnlyByEverything() {
        assertThat(northmere.covers(null)).isFalse();
        assertThat(BoardReach.everything().covers(null)).isTrue();
        assertThat(BoardReach.nothing().covers(null)).isFalse();
    }

    @Test
    void nothing_coversNothing_andEverythingEverything() {
        assertThat(BoardReach.nothing().covers("northmere")).isFalse();
        assertThat(BoardReach.nothing().organisations()).isEmpty();
        assertThat(BoardReach.ofBoard(null, Set.of("x")).covers("x")).isFalse();
        assertThat(BoardReach.everything().covers("anything")).isTrue();
        assertThatThrownBy(() -> BoardReach.everything().organisations()).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theOrganisationsOfAReach_areTheBoardAndItsMembers() {
        assertThat(northmere.organisations()).containsExactlyInAnyOrder("northmere", "nm-police", "shared-health");
        assertThat(northmere.board()).hasValue("northmere");
    }

    @Test
    void onlyABoardCoversOrganisations_andNeverAnotherBoard() {
        Organisation board = new Organisation("Northmere LSCB", OrganisationKind.LSCB, "Northmere");
        Organisation police = new Organisation("Northmere Police", OrganisationKind.POLICE, "Northmere");
        Organisation otherBoard = new Organisation("Eastbrook LSCB", OrganisationKind.LSCB, "Eastbrook");

        assertThat(new BoardMembership(board, police, java.time.Instant.EPOCH).organisationId())
                .isEqualTo(police.id());
        assertThatThrownBy(() -> new BoardMembership(police, board, java.time.Instant.EPOCH))
                .hasMessageContaining("not an LSCB");
        assertThatThrownBy(() -> new BoardMembership(board, otherBoard, java.time.Instant.EPOCH))
                .hasMessageContaining("a board");
    }
}
