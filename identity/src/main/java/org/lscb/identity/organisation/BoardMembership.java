package org.lscb.identity.organisation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/**
 * One organisation a board covers: its local authority's services, the police force, a health trust, a
 * school. An organisation may belong to several boards (a police force covers several local authorities).
 * Kept by an administrator; what it means for access is {@link BoardReach}.
 */
@Entity
@Table(name = "board_member")
@IdClass(BoardMembership.Key.class)
public class BoardMembership {

    @Id
    @Column(name = "board_id", length = 36)
    private String boardId;

    @Id
    @Column(name = "organisation_id", length = 36)
    private String organisationId;

    @Column(name = "added_at", nullable = false)
    private Instant addedAt;

    protected BoardMembership() {}

    /** The board must be an LSCB and the member another organisation; a board does not cover another board. */
    public BoardMembership(Organisation board, Organisation member, Instant addedAt) {
        if (!board.isBoard()) {
            throw new org.lscb.foundation.value.InvalidValueException(
                    "boardId", "names " + board.name() + ", which is not an LSCB");
        }
        if (member.isBoard()) {
            throw new org.lscb.foundation.value.InvalidValueException(
                    "organisationId",
                    "names " + member.name() + ", a board; boards cooperate on reviews, they do not cover each other");
        }
        this.boardId = board.id();
        this.organisationId = member.id();
        this.addedAt = addedAt;
    }

    public String boardId() {
        return boardId;
    }

    public String organisationId() {
        return organisationId;
    }

    public Instant addedAt() {
        return addedAt;
    }

    /** The composite key (board, member). */
    public static class Key implements Serializable {
        private String boardId;
        private String organisationId;

        public Key() {}

        public Key(String boardId, String organisationId) {
            this.boardId = boardId;
            this.organisationId = organisationId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k
                    && Objects.equals(boardId, k.boardId)
                    && Objects.equals(organisationId, k.organisationId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(boardId, organisationId);
        }
    }
}
