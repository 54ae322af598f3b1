package org.lscb.registry.reviewer;

import java.util.Optional;
import java.util.Set;

/**
 * Who may change a reviewer's profile. The register is shared by every board, but what is on a profile
 * decides whether the reviewer is independent and qualified [11, 15] for every review they lead, so no
 * board may change it in a way that reaches another board's appointments:
 * <ul>
 * <li>the reviewer themselves changes all of it;</li>
 * <li>the profile's details: also the board whose officer registered the reviewer, and an administrator;</li>
 * <li>evidence of qualification (which only adds, and counts once verified): also any board that has the
 *     reviewer appointed now;</li>
 * <li>affiliations (employment and other ties, which make the reviewer conflicted for every review involving
 *     that organisation): the reviewer's own declarations, or the registering board's record for a reviewer
 *     who has no account of their own, or an administrator;</li>
 * <li>declared interests: the reviewer's own; an officer records one only for a review their own board leads and
 *     naming no organisation (what the board knows of its own case, which conflicts the reviewer for that review
 *     alone: an interest naming an organisation conflicts them in every review of it, other boards' included), or,
 *     for a reviewer without an account, the registering board records any.</li>
 * </ul>
 * Appointing a reviewer therefore gives a board nothing with which to conflict them elsewhere. Verifying
 * evidence is open to every board's officers (it names who did it), and so is withdrawing a verification,
 * which must carry its reason, is shown to every board that has the reviewer appointed, and is undone by a
 * new verification.
 */
public final class ProfileStewardship {

    /** What is being changed. */
    public enum Change {
        PROFILE,
        EVIDENCE,
        AFFILIATION,
        INTEREST
    }

    /**
     * Who asks: their account, whether they administer the deployment, the board they are an officer of, the
     * boards that lead a review with a live appointment of this reviewer, and for an interest that names a
     * review and no organisation, the board that leads it (empty for an interest naming an organisation).
     */
    public record Editor(
            String accountId,
            boolean administrator,
            Optional<String> officerOfBoard,
            Set<String> appointingBoards,
            Optional<String> leadBoardOfNamedReview) {}

    private ProfileStewardship() {}

    public static boolean mayChange(Change change, Reviewer r, Editor e) {
        if (r.ownedBy(e.accountId())) {
            return true;
        }
        boolean registering =
                e.officerOfBoard().isPresent() && e.officerOfBoard().equals(r.registeredByBoard());
        boolean appointing =
                e.officerOfBoard().filter(e.appointingBoards()::contains).isPresent();
        boolean noAccount = r.accountId() == null;
        return switch (change) {
            case PROFILE -> registering || e.administrator();
            case EVIDENCE -> registering || appointing || e.administrator();
            case AFFILIATION -> registering && noAccount || e.administrator();
            case INTEREST ->
                registering && noAccount
                        || e.officerOfBoard().isPresent() && e.officerOfBoard().equals(e.leadBoardOfNamedReview());
        };
    }
}
