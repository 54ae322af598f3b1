package org.lscb.registry.reviewer;

import java.util.Optional;
import java.util.Set;

/**
 * Who may change a reviewer's profile. The register is shared by every board, but what is on a profile
 * decides whether the reviewer is independent and qualified [11, 15] for the reviews they lead, so a change
 * that could harm one board's appointments must not come from outside:
 * <ul>
 * <li>the reviewer themselves may change their profile, evidence, affiliations and declared interests;</li>
 * <li>so may an officer of a board that has the reviewer appointed to one of its reviews now, and of the
 *     board whose officer registered them;</li>
 * <li>an administrator keeps the register for the deployment (profile, evidence, affiliations) but does not
 *     declare interests on anyone's behalf;</li>
 * <li>declared interests are the reviewer's own declarations, or an appointing board's record of what it
 *     knows; the registering board declares them only for a reviewer who has no account of their own.</li>
 * </ul>
 * Verifying evidence is open to every board's officers (it is reversible and names who did it), and so is
 * withdrawing a verification, which must carry its reason and is shown to every board that has the
 * reviewer appointed.
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
     * Who asks: their account, whether they administer the deployment, the board they are an officer of, and
     * the boards that lead a review with a live appointment of this reviewer.
     */
    public record Editor(String accountId, boolean administrator, Optional<String> officerOfBoard, Set<String> appointingBoards) {
    }

    private ProfileStewardship() {
    }

    public static boolean mayChange(Change change, Reviewer r, Editor e) {
        if (r.ownedBy(e.accountId())) {
            return true;
        }
        boolean appointing = e.officerOfBoard().filter(e.appointingBoards()::contains).isPresent();
        boolean registering = e.officerOfBoard().isPresent() && e.officerOfBoard().equals(r.registeredByBoard());
        if (change == Change.INTEREST) {
            return appointing || registering && r.accountId() == null;
        }
        return appointing || registering || e.administrator();
    }
}
