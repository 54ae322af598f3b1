package org.lscb.reviews.action;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.lscb.reviews.action.ActionStateRule.Mover.BOARD;
import static org.lscb.reviews.action.ActionStateRule.Mover.OWNER;
import static org.lscb.reviews.action.ActionStatus.DONE;
import static org.lscb.reviews.action.ActionStatus.IN_PROGRESS;
import static org.lscb.reviews.action.ActionStatus.NOT_DONE;
import static org.lscb.reviews.action.ActionStatus.NOT_STARTED;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.lscb.foundation.value.InvalidValueException;
import org.lscb.reviews.ReviewRuleException;

/**
 * Each move of an action's status, allowed or refused, for the owner and for the board, and what each state needs:
 * the board and its partners turn findings into actions [9], oversee them and report progress [19], and describe
 * the impact, following up until the improvement is sustained [11].
 */
class ActionStateRuleTest {

    /** Every move to another state with who makes it and whether the rule allows it [9, 11, 19]. */
    static Stream<Arguments> moves() {
        return Stream.of(
                // [9]: the owner turns the finding into work, then finishes it or says why not
                Arguments.of(NOT_STARTED, IN_PROGRESS, OWNER, true),
                Arguments.of(NOT_STARTED, DONE, OWNER, true),
                Arguments.of(NOT_STARTED, NOT_DONE, OWNER, true),
                Arguments.of(IN_PROGRESS, DONE, OWNER, true),
                Arguments.of(IN_PROGRESS, NOT_DONE, OWNER, true),
                // work once started does not un-start, for anyone
                Arguments.of(IN_PROGRESS, NOT_STARTED, OWNER, false),
                Arguments.of(IN_PROGRESS, NOT_STARTED, BOARD, false),
                // [19]: a closed action is the board's to reopen, not the owner's
                Arguments.of(DONE, IN_PROGRESS, OWNER, false),
                Arguments.of(DONE, NOT_DONE, OWNER, false),
                Arguments.of(DONE, NOT_STARTED, OWNER, false),
                Arguments.of(NOT_DONE, IN_PROGRESS, OWNER, false),
                Arguments.of(NOT_DONE, DONE, OWNER, false),
                Arguments.of(NOT_DONE, NOT_STARTED, OWNER, false),
                // [11]: the board follows up and reopens what was not sustained
                Arguments.of(DONE, IN_PROGRESS, BOARD, true),
                Arguments.of(DONE, NOT_DONE, BOARD, true),
                Arguments.of(NOT_DONE, IN_PROGRESS, BOARD, true),
                Arguments.of(NOT_DONE, DONE, BOARD, true),
                Arguments.of(DONE, NOT_STARTED, BOARD, false),
                Arguments.of(NOT_DONE, NOT_STARTED, BOARD, false),
                // the board makes every move the owner may
                Arguments.of(NOT_STARTED, IN_PROGRESS, BOARD, true),
                Arguments.of(NOT_STARTED, DONE, BOARD, true),
                Arguments.of(NOT_STARTED, NOT_DONE, BOARD, true),
                Arguments.of(IN_PROGRESS, DONE, BOARD, true),
                Arguments.of(IN_PROGRESS, NOT_DONE, BOARD, true));
    }

    @ParameterizedTest(name = "[9, 11, 19] {2}: {0} to {1} allowed={3}")
    @MethodSource("moves")
    void eachMove_isAllowedOrRefusedAsTheRuleSays(
            ActionStatus from, ActionStatus to, ActionStateRule.Mover by, boolean allowed) {
        boolean evidence = to == DONE || to == IN_PROGRESS;
        boolean reason = to == NOT_DONE;
        if (allowed) {
            assertThatCode(() -> ActionStateRule.check(from, to, by, evidence, reason))
                    .doesNotThrowAnyException();
        } else {
            assertThatThrownBy(() -> ActionStateRule.check(from, to, by, evidence, reason))
                    .isInstanceOf(ReviewRuleException.class)
                    .extracting(e -> ((ReviewRuleException) e).code())
                    .isEqualTo("action_transition");
        }
    }

    /** A move the rule's tables gain or lose is caught only if every move is in {@link #moves()}. */
    @Test
    void theMovesAbove_areEveryMoveToAnotherState_forEachMover() {
        java.util.Set<List<Object>> listed = moves().map(a -> List.of(a.get()[0], a.get()[1], a.get()[2]))
                .collect(java.util.stream.Collectors.toSet());
        java.util.Set<List<Object>> every = new java.util.HashSet<>();
        for (ActionStateRule.Mover by : ActionStateRule.Mover.values()) {
            for (ActionStatus from : ActionStatus.values()) {
                for (ActionStatus to : ActionStatus.values()) {
                    if (from != to) {
                        every.add(List.of(from, to, by));
                    }
                }
            }
        }

        assertThat(listed).isEqualTo(every);
    }

    @Test
    void staying_inAState_isAllowed_whileItsNeedsAreMet() {
        for (ActionStatus s : ActionStatus.values()) {
            assertThatCode(() -> ActionStateRule.check(s, s, OWNER, s == DONE, s == NOT_DONE))
                    .as(s.name())
                    .doesNotThrowAnyException();
        }
    }

    @Test
    void done_withoutEvidenceOfImpact_isRefusedOnEvidence_para11and19() {
        assertThatThrownBy(() -> ActionStateRule.check(IN_PROGRESS, DONE, OWNER, false, false))
                .isInstanceOf(InvalidValueException.class)
                .extracting(e -> ((InvalidValueException) e).field())
                .isEqualTo("evidence");
    }

    @Test
    void notDone_withoutAReason_isRefusedOnReason_para11() {
        assertThatThrownBy(() -> ActionStateRule.check(IN_PROGRESS, NOT_DONE, OWNER, false, false))
                .isInstanceOf(InvalidValueException.class)
                .extracting(e -> ((InvalidValueException) e).field())
                .isEqualTo("reason");
    }

    @Test
    void aReason_onAnActionThatWillBeDone_isRefusedOnReason_para11() {
        assertThatThrownBy(() -> ActionStateRule.check(NOT_STARTED, IN_PROGRESS, OWNER, false, true))
                .isInstanceOf(InvalidValueException.class)
                .extracting(e -> ((InvalidValueException) e).field())
                .isEqualTo("reason");
    }

    @Test
    void evidenceOfImpact_onAnActionNotStarted_isRefusedOnEvidence_para9() {
        assertThatThrownBy(() -> ActionStateRule.check(NOT_STARTED, NOT_STARTED, BOARD, true, false))
                .isInstanceOf(InvalidValueException.class)
                .extracting(e -> ((InvalidValueException) e).field())
                .isEqualTo("evidence");
    }

    @Test
    void evidenceWhileInProgress_isAllowed_para19() {
        assertThatCode(() -> ActionStateRule.check(NOT_STARTED, IN_PROGRESS, OWNER, true, false))
                .doesNotThrowAnyException();
    }

    @Test
    void anOwnersRefusalToReopen_saysOnlyTheBoardReopens_para19() {
        assertThatThrownBy(() -> ActionStateRule.check(DONE, IN_PROGRESS, OWNER, true, false))
                .hasMessageContaining("only the board's officers reopen a closed action");
    }
}
