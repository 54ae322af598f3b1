package org.lscb.reviews.action;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.lscb.foundation.value.InvalidValueException;
import org.lscb.reviews.ReviewRuleException;

/**
 * How an action of a review's action plan moves between its states, and what each state needs. Reviews are not
 * ends in themselves: boards and their partners turn findings into programmes of action [9], the board oversees
 * their implementation and reports progress [19], and improvement is sustained through regular monitoring and
 * follow-up, with the public able to hold the board and its partners to account for it [11]. Hence:
 *
 * <ul>
 *   <li>an action starts {@code NOT_STARTED}; its owner moves it to {@code IN_PROGRESS}, {@code DONE} or
 *       {@code NOT_DONE};
 *   <li>{@code DONE} needs evidence of impact (a document of the review or a short note) [11: "the impact ...
 *       must be described"; 19];
 *   <li>{@code NOT_DONE} needs the reason, so that the board can answer for an improvement not made [11];
 *       a reason is kept only on an action not done;
 *   <li>work once started does not go back to {@code NOT_STARTED}, and an action not started has no evidence of
 *       impact yet;
 *   <li>{@code DONE} and {@code NOT_DONE} close the action for its owner; only the board, which oversees the
 *       actions [19] and follows them up [11], reopens one ({@code IN_PROGRESS}), for example when the
 *       improvement was not sustained;
 *   <li>staying in a state is allowed (the evidence or the reason changes), as long as the state's needs are
 *       still met.
 * </ul>
 */
public final class ActionStateRule {

    /** Who moves the action: the board's officers, or the owning organisation's users. */
    public enum Mover {
        BOARD,
        OWNER
    }

    /** The moves to another state each mover may make from each state [9, 11, 19]. */
    static final Map<ActionStatus, Set<ActionStatus>> OWNER_MOVES = Map.of(
            ActionStatus.NOT_STARTED, EnumSet.of(ActionStatus.IN_PROGRESS, ActionStatus.DONE, ActionStatus.NOT_DONE),
            ActionStatus.IN_PROGRESS, EnumSet.of(ActionStatus.DONE, ActionStatus.NOT_DONE),
            ActionStatus.DONE, EnumSet.noneOf(ActionStatus.class),
            ActionStatus.NOT_DONE, EnumSet.noneOf(ActionStatus.class));

    /** The board may also reopen a closed action [11, 19]. */
    static final Map<ActionStatus, Set<ActionStatus>> BOARD_MOVES = Map.of(
            ActionStatus.NOT_STARTED, OWNER_MOVES.get(ActionStatus.NOT_STARTED),
            ActionStatus.IN_PROGRESS, OWNER_MOVES.get(ActionStatus.IN_PROGRESS),
            ActionStatus.DONE, EnumSet.of(ActionStatus.IN_PROGRESS, ActionStatus.NOT_DONE),
            ActionStatus.NOT_DONE, EnumSet.of(ActionStatus.IN_PROGRESS, ActionStatus.DONE));

    private ActionStateRule() {}

    /**
     * Whether {@code by} may move an action from {@code from} to {@code to}, and whether {@code to}'s needs are met.
     *
     * @param hasEvidence whether the action will carry evidence of impact (a document or a note)
     * @param hasReason whether the action will carry a reason for not doing it
     * @throws ReviewRuleException {@code action_transition} (409) for a move the rule does not allow
     * @throws InvalidValueException on {@code evidence} (done without evidence, or evidence on an action not
     *     started) or {@code reason} (not done without a reason, or a reason on another state)
     */
    public static void check(ActionStatus from, ActionStatus to, Mover by, boolean hasEvidence, boolean hasReason) {
        if (from != to) {
            Map<ActionStatus, Set<ActionStatus>> moves = by == Mover.BOARD ? BOARD_MOVES : OWNER_MOVES;
            if (!moves.get(from).contains(to)) {
                throw new ReviewRuleException(
                        "action_transition",
                        "an action " + words(from) + " cannot become " + words(to)
                                + (by == Mover.OWNER && !from.open()
                                        ? "; only the board's officers reopen a closed action"
                                        : ""));
            }
        }
        if (to == ActionStatus.DONE && !hasEvidence) {
            throw new InvalidValueException(
                    "evidence", "is required for a done action: a document of the review or a note of the impact");
        }
        if (to == ActionStatus.NOT_STARTED && hasEvidence) {
            throw new InvalidValueException("evidence", "cannot be given for an action not started");
        }
        if (to == ActionStatus.NOT_DONE && !hasReason) {
            throw new InvalidValueException("reason", "is required for an action that will not be done");
        }
        if (to != ActionStatus.NOT_DONE && hasReason) {
            throw new InvalidValueException("reason", "is given only for an action that will not be done");
        }
    }

    private static String words(ActionStatus s) {
        return switch (s) {
            case NOT_STARTED -> "not started";
            case IN_PROGRESS -> "in progress";
            case DONE -> "done";
            case NOT_DONE -> "not done";
        };
    }
}
