package org.lscb.identity.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TotpCodesTest {

    /** The SHA-1 secret of RFC 6238 Appendix B. */
    private static final byte[] RFC_SECRET = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

    private final TotpCodes codes = new TotpCodes();

    @Test
    void codes_matchRfc6238sKnownAnswers_inTheirLastSixDigits() {
        // Appendix B lists eight digits: 94287082 at T=59, 07081804 at T=1111111109, 14050471 at T=1111111111
        assertThat(codes.codeAt(RFC_SECRET, Instant.ofEpochSecond(59))).isEqualTo("287082");
        assertThat(codes.codeAt(RFC_SECRET, Instant.ofEpochSecond(1111111109))).isEqualTo("081804");
        assertThat(codes.codeAt(RFC_SECRET, Instant.ofEpochSecond(1111111111))).isEqualTo("050471");
    }

    @Test
    void aCodeOfTheStepBeforeOrAfterNow_isAccepted_butNotTwoStepsAway() {
        Instant now = Instant.ofEpochSecond(1_800_000_015);
        long step = codes.stepOf(now);

        assertThat(codes.matchingStep(RFC_SECRET, codes.codeAt(RFC_SECRET, now.minusSeconds(30)), now, 0))
                .hasValue(step - 1);
        assertThat(codes.matchingStep(RFC_SECRET, codes.codeAt(RFC_SECRET, now.plusSeconds(30)), now, 0))
                .hasValue(step + 1);
        assertThat(codes.matchingStep(RFC_SECRET, codes.codeAt(RFC_SECRET, now.minusSeconds(60)), now, 0))
                .isEmpty();
    }

    @Test
    void aCodeOfAStepAlreadyUsed_isRefused() {
        Instant now = Instant.ofEpochSecond(1_800_000_015);
        String code = codes.codeAt(RFC_SECRET, now);

        assertThat(codes.matchingStep(RFC_SECRET, code, now, codes.stepOf(now) - 1))
                .hasValue(codes.stepOf(now));
        assertThat(codes.matchingStep(RFC_SECRET, code, now, codes.stepOf(now))).isEmpty();
    }

    @Test
    void anEnrolment_acceptsEachCodeOnce() {
        Instant now = Instant.ofEpochSecond(1_800_000_015);
        TotpEnrolment e = new TotpEnrolment("acc", "wrapped", now);
        String code = codes.codeAt(RFC_SECRET, now);

        assertThat(e.use(code, RFC_SECRET, now, codes)).isTrue();
        assertThat(e.use(code, RFC_SECRET, now.plusSeconds(5), codes))
                .as("replayed")
                .isFalse();
        assertThat(e.use(codes.codeAt(RFC_SECRET, now.plusSeconds(30)), RFC_SECRET, now.plusSeconds(30), codes))
                .isTrue();
    }

    @Test
    void malformedCodes_areRefused() {
        Instant now = Instant.ofEpochSecond(1_800_000_015);
        for (String bad : new String[] {null, "", "12345", "1234567", "12a456", "１２３４５６", "' OR 1=1"}) {
            assertThat(codes.matchingStep(RFC_SECRET, bad, now, Long.MIN_VALUE))
                    .as(String.valueOf(bad))
                    .isEmpty();
        }
    }

    @Test
    void recoveryCodes_areRandom_andMatchWhateverTheCaseAndDashes() {
        String code = RecoveryCode.newCode();

        assertThat(code).matches("[a-z2-7]{4}(-[a-z2-7]{4}){3}");
        assertThat(RecoveryCode.newCode()).isNotEqualTo(code);
        assertThat(RecoveryCode.hash(code.toUpperCase().replace("-", " "))).isEqualTo(RecoveryCode.hash(code));
        assertThat(RecoveryCode.looksLikeOne(code)).isTrue();
        assertThat(RecoveryCode.looksLikeOne("123456")).isFalse();
    }

    @Test
    void aRecoveryCode_isUsedOnce() {
        RecoveryCode rc = new RecoveryCode("acc", RecoveryCode.newCode());
        rc.use(Instant.EPOCH);

        assertThat(rc.used()).isTrue();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> rc.use(Instant.EPOCH))
                .isInstanceOf(IllegalStateException.class);
    }
}
