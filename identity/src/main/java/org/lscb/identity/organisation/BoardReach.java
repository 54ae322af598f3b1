package org.lscb.identity.organisation;

import java.util.Collection;
import java.util.Set;

/**
 * What a board's officers may reach: the board itself and the organisations it covers
 * ({@link BoardMembership}). One rule for every place where one board's people could touch another
 * board's: whose accounts an officer creates, reads and lists, whose audit entries they read, and which
 * reviewer profiles they may change. Nothing outside the reach is shown; it answers as if it did not exist.
 *
 * <p>The guidance makes each LSCB responsible for its own area and its partners' work there [2, 25];
 * organisations of other areas take part in its reviews only through cooperation, never by one board's
 * officers acting as another's.
 */
public final class BoardReach {

    private static final BoardReach EVERYTHING = new BoardReach(null, Set.of());
    private static final BoardReach NOTHING = new BoardReach(null, Set.of());

    private final String boardId;
    private final Set<String> members;

    private BoardReach(String boardId, Set<String> members) {
        this.boardId = boardId;
        this.members = members;
    }

    /** An officer of {@code boardId}, whose board covers {@code members}. */
    public static BoardReach ofBoard(String boardId, Collection<String> members) {
        if (boardId == null) {
            return NOTHING;
        }
        return new BoardReach(boardId, Set.copyOf(members));
    }

    /** An administrator runs the deployment for every board. */
    public static BoardReach everything() {
        return EVERYTHING;
    }

    /** Anyone who is neither: no account, audit or profile of others is theirs to reach. */
    public static BoardReach nothing() {
        return NOTHING;
    }

    public boolean isEverything() {
        return this == EVERYTHING;
    }

    /** True when the organisation is the board itself or one it covers. {@code null} (no organisation) is covered only by everything. */
    public boolean covers(String organisationId) {
        if (this == EVERYTHING) {
            return true;
        }
        if (organisationId == null || boardId == null) {
            return false;
        }
        return organisationId.equals(boardId) || members.contains(organisationId);
    }

    /** The board and its members: the organisations a query may name. Empty for nothing; undefined for everything. */
    public Set<String> organisations() {
        if (this == EVERYTHING) {
            throw new IllegalStateException("everything has no finite list of organisations");
        }
        if (boardId == null) {
            return Set.of();
        }
        java.util.HashSet<String> all = new java.util.HashSet<>(members);
        all.add(boardId);
        return Set.copyOf(all);
    }

    /** The board this reach is of, if any. */
    public java.util.Optional<String> board() {
        return java.util.Optional.ofNullable(boardId);
    }
}
