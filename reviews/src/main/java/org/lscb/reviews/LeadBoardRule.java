package org.lscb.reviews;

import java.util.LinkedHashSet;
import java.util.Set;
import org.lscb.foundation.value.InvalidValueException;

/**
 * Which board leads a review: the LSCB for the area where the child was normally resident [25; SCR
 * checklist: Notification]. For a looked-after child's <em>child death review</em>, the LSCB of the local
 * authority looking after the child [25]; the guidance gives that exception for child death reviews only,
 * so an SCR (and any other review) of a looked-after child stays with the board of residence, and the
 * looking-after board cooperates. The other boards named cooperate: they read the review's metadata and
 * their involved agencies upload to it. A child normally resident in England who died abroad is still the
 * board of residence's [24].
 */
public final class LeadBoardRule {

    /** The lead board and the cooperating ones (never containing the lead). */
    public record Boards(String lead, Set<String> cooperating) {
        public Boards {
            cooperating = Set.copyOf(cooperating);
        }
    }

    private LeadBoardRule() {}

    /**
     * @param type                the kind of review: the looked-after rule applies to child death reviews only [25]
     * @param residenceBoard      the board of the area where the child was normally resident
     * @param lookingAfterBoard   for a looked-after child, the board of the looking-after authority; else null
     * @param claimedLead         the lead the caller named, or null; must agree with the rule
     * @param otherBoards         further boards whose organisations were involved
     */
    public static Boards derive(
            ReviewType type,
            String residenceBoard,
            String lookingAfterBoard,
            String claimedLead,
            Set<String> otherBoards) {
        boolean lookingAfterLeads = lookingAfterBoard != null && type == ReviewType.CHILD_DEATH_REVIEW;
        if (residenceBoard == null && !lookingAfterLeads && claimedLead == null) {
            throw new InvalidValueException(
                    "leadLscbId",
                    lookingAfterBoard == null
                            ? "is required: name the lead board or the board of residence"
                            : "is required: name the lead board or the board of residence; the looking-after board"
                                    + " leads only a child death review [25]");
        }
        String lead = lookingAfterLeads ? lookingAfterBoard : residenceBoard != null ? residenceBoard : claimedLead;
        if (claimedLead != null && !claimedLead.equals(lead)) {
            throw new InvalidValueException(
                    "leadLscbId",
                    lookingAfterLeads
                            ? "for a looked-after child the lead of a child death review is the board of the"
                                    + " looking-after authority (" + lookingAfterBoard + ") [25]"
                            : "the lead is the board where the child was normally resident (" + residenceBoard
                                    + ")"
                                    + (lookingAfterBoard != null
                                            ? "; the looking-after board leads only a" + " child death review"
                                            : "")
                                    + " [25]");
        }
        Set<String> cooperating = new LinkedHashSet<>(otherBoards);
        if (residenceBoard != null) {
            cooperating.add(residenceBoard);
        }
        if (lookingAfterBoard != null) {
            cooperating.add(lookingAfterBoard);
        }
        cooperating.remove(lead);
        return new Boards(lead, cooperating);
    }
}
