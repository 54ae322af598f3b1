package org.lscb.reviews;

import java.util.LinkedHashSet;
import java.util.Set;
import org.lscb.foundation.value.InvalidValueException;

/**
 * Which board leads a review [25]: the LSCB for the area where the child was normally resident; for a
 * looked-after child, the LSCB of the local authority looking after the child. The other boards
 * named cooperate: they read the review's metadata and their involved agencies upload to it. A child
 * normally resident in England who died abroad is still the board of residence's [24].
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
     * @param residenceBoard      the board of the area where the child was normally resident
     * @param lookingAfterBoard   for a looked-after child, the board of the looking-after authority; else null
     * @param claimedLead         the lead the caller named, or null; must agree with the rule
     * @param otherBoards         further boards whose organisations were involved
     */
    public static Boards derive(
            String residenceBoard, String lookingAfterBoard, String claimedLead, Set<String> otherBoards) {
        if (residenceBoard == null && lookingAfterBoard == null && claimedLead == null) {
            throw new InvalidValueException("leadLscbId", "is required: name the lead board or the board of residence");
        }
        String lead =
                lookingAfterBoard != null ? lookingAfterBoard : residenceBoard != null ? residenceBoard : claimedLead;
        if (claimedLead != null && !claimedLead.equals(lead)) {
            throw new InvalidValueException(
                    "leadLscbId",
                    lookingAfterBoard != null
                            ? "for a looked-after child the lead is the board of the looking-after authority ("
                                    + lookingAfterBoard + ") [25]"
                            : "the lead is the board where the child was normally resident (" + residenceBoard
                                    + ") [25]");
        }
        Set<String> cooperating = new LinkedHashSet<>(otherBoards);
        if (residenceBoard != null) {
            cooperating.add(residenceBoard);
        }
        cooperating.remove(lead);
        return new Boards(lead, cooperating);
    }
}
