package org.lscb.exchange.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.lscb.reviews.AppointmentRole;

/** Need to know ({@link NeedToKnow}): who, besides the lead board, a document of each type is sealed to. */
class NeedToKnowTest {

    @Test
    void coroner_receivesTheJointReportAndTheCaseDiscussionRecord_only_37_39() {
        EnumSet<DocumentType> received = EnumSet.noneOf(DocumentType.class);
        for (DocumentType t : DocumentType.values()) {
            if (NeedToKnow.needs(AppointmentRole.CORONER, t)) {
                received.add(t);
            }
        }

        assertThat(received)
                .containsExactlyInAnyOrder(DocumentType.CORONER_JOINT_REPORT, DocumentType.CASE_DISCUSSION_RECORD);
    }

    @ParameterizedTest
    @EnumSource(value = DocumentType.class, names = "QUALIFICATION_EVIDENCE", mode = EnumSource.Mode.EXCLUDE)
    void designatedPaediatrician_receivesWhatTheRapidResponseAndTheReviewGather_36_37_39(DocumentType t) {
        assertThat(NeedToKnow.needs(AppointmentRole.PAEDIATRICIAN, t)).isTrue();
    }

    @ParameterizedTest
    @EnumSource(value = DocumentType.class, names = "QUALIFICATION_EVIDENCE", mode = EnumSource.Mode.EXCLUDE)
    void leadReviewerAndPanel_receiveWhatTheReviewIsMadeOf_11(DocumentType t) {
        assertThat(NeedToKnow.needs(AppointmentRole.LEAD_REVIEWER, t)).isTrue();
        assertThat(NeedToKnow.needs(AppointmentRole.PANEL_MEMBER, t)).isTrue();
    }

    @Test
    void evidenceOfQualification_isForTheBoardAlone_15() {
        for (AppointmentRole role : AppointmentRole.values()) {
            assertThat(NeedToKnow.needs(role, DocumentType.QUALIFICATION_EVIDENCE))
                    .as(role.name())
                    .isFalse();
        }
    }

    @Test
    void imrsAndChronologies_areNotSealedToTheCoroner_37() {
        assertThat(NeedToKnow.needs(AppointmentRole.CORONER, DocumentType.IMR)).isFalse();
        assertThat(NeedToKnow.needs(AppointmentRole.CORONER, DocumentType.CHRONOLOGY))
                .isFalse();
    }
}
