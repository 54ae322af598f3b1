package org.lscb.server.error;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lscb.envelope.EnvelopeTooLargeException;
import org.lscb.envelope.UnsupportedEnvelopeException;
import org.lscb.exchange.pki.EnrolmentRefusedException;
import org.lscb.exchange.store.InsufficientStorageException;
import org.lscb.exchange.store.TooLargeException;
import org.lscb.exchange.store.TooSlowException;
import org.lscb.foundation.value.DomainException;
import org.lscb.foundation.value.DomainException.Kind;
import org.lscb.foundation.value.InvalidValueException;
import org.lscb.registry.independence.Conflict;
import org.lscb.registry.independence.ConflictReason;
import org.lscb.registry.independence.IndependenceAnswer;
import org.lscb.registry.reviewer.SelfVerificationException;
import org.lscb.registry.reviewer.UnknownPartException;
import org.lscb.reviews.NotIndependentException;
import org.lscb.reviews.ReviewRuleException;
import org.lscb.reviews.UnknownAppointmentException;
import org.lscb.server.auth.SignInRefusedException;
import org.lscb.server.document.DigestMismatchException;
import org.lscb.server.document.RecipientSetException;

/**
 * docs/api.md's error contract for refusals, one branch for all of them: each kind answers with its status, and each refusal
 * the server knows answers with the status, code, message and details it answered with when each had a branch of its own.
 */
class ErrorResponsesTest {

    @ParameterizedTest
    @CsvSource({
        "INVALID,400",
        "UNAUTHENTICATED,401",
        "FORBIDDEN,403",
        "NOT_FOUND,404",
        "TOO_SLOW,408",
        "CONFLICT,409",
        "TOO_LARGE,413",
        "UNSUPPORTED,415",
        "TOO_MANY,429",
        "INSUFFICIENT_STORAGE,507"
    })
    void eachKind_answersWithItsStatus_andTheRefusalsCode(Kind kind, int status) {
        ErrorResponses.Refused answer = answer(new DomainException(kind, "some_code", "a sentence"));

        assertThat(answer.status()).isEqualTo(status);
        assertThat(answer.error().error()).isEqualTo("some_code");
        assertThat(answer.error().details()).isEmpty();
        assertThat(answer.headers()).isEmpty();
    }

    @Test
    void everyKind_isInTheTable() {
        assertThat(List.of(Kind.values()))
                .allSatisfy(k -> assertThat(ErrorResponses.status(k)).isBetween(400, 599));
    }

    @Test
    void notFound_neverShowsWhatWasLookedFor() {
        for (DomainException e : List.of(
                new UnknownAppointmentException("appt-1"),
                new UnknownPartException("evidence", "ev-1"),
                new DomainException(Kind.NOT_FOUND, "not_found", "no review 42"))) {
            assertThat(answer(e)).isEqualTo(refused(404, "not_found", "no such object, or not yours to see", Map.of()));
        }
    }

    @Test
    void valuesAndRequests_areInvalid_withTheirDetails() {
        assertThat(answer(new InvalidValueException("title", "is required")))
                .isEqualTo(refused(400, "invalid_request", "title: is required", Map.of("field", "title")));
        assertThat(answer(new EnrolmentRefusedException("not a certificate request")))
                .isEqualTo(refused(400, "invalid_request", "not a certificate request", Map.of("field", "body")));
        RecipientSetException set = new RecipientSetException(List.of("cert-1"), 2);
        assertThat(answer(set))
                .isEqualTo(refused(
                        400, "recipient_set", set.getMessage(), Map.of("missing", List.of("cert-1"), "strangers", 2)));
        DigestMismatchException mismatch = new DigestMismatchException("sha-256", "abc=");
        assertThat(answer(mismatch))
                .isEqualTo(refused(
                        400,
                        "digest_mismatch",
                        mismatch.getMessage(),
                        Map.of("field", "Content-Digest", "algorithm", "sha-256")));
    }

    @Test
    void signInRefusals_keepTheirCodes_andALockSaysWhenToComeBack() {
        SignInRefusedException wrong = SignInRefusedException.wrong();
        assertThat(answer(wrong)).isEqualTo(refused(401, "invalid_credentials", wrong.getMessage(), Map.of()));
        SignInRefusedException otp = SignInRefusedException.otpRequired();
        assertThat(answer(otp)).isEqualTo(refused(401, "otp_required", otp.getMessage(), Map.of()));
        SignInRefusedException locked = SignInRefusedException.locked(Duration.ofSeconds(90));
        assertThat(answer(locked))
                .isEqualTo(new ErrorResponses.Refused(
                        429,
                        ApiError.of("too_many_attempts", locked.getMessage(), Map.of("retryAfterSeconds", 90L)),
                        Map.of("Retry-After", 90L)));
        // under a second still asks for one
        assertThat(answer(SignInRefusedException.locked(Duration.ofMillis(200))).headers())
                .isEqualTo(Map.of("Retry-After", 1L));
    }

    @Test
    void rulesAndConflicts_keepTheirCodes() {
        assertThat(answer(new ReviewRuleException("already_decided", "decided on 1 May")))
                .isEqualTo(refused(409, "already_decided", "decided on 1 May", Map.of()));
        assertThat(answer(new ConflictException("totp_already_enrolled", "enrolled")))
                .isEqualTo(refused(409, "totp_already_enrolled", "enrolled", Map.of()));
        SelfVerificationException self = new SelfVerificationException("rev-1");
        assertThat(answer(self)).isEqualTo(refused(403, "self_verification", self.getMessage(), Map.of()));
    }

    @Test
    void aConflictedLead_isNotIndependent_withEveryConflictForPrograms() {
        IndependenceAnswer why = new IndependenceAnswer(
                false,
                true,
                List.of(
                        new Conflict(
                                ConflictReason.RECENT_AFFILIATION,
                                "org-police",
                                "EMPLOYMENT",
                                LocalDate.of(2020, 1, 1),
                                LocalDate.of(2024, 6, 30),
                                "employed until 2024-06-30"),
                        new Conflict(
                                ConflictReason.DECLARED_INTEREST,
                                "org-health",
                                null,
                                null,
                                null,
                                "a relative works there")));
        NotIndependentException e = new NotIndependentException("rev-1", "review-1", why);

        Map<String, Object> first = new LinkedHashMap<>();
        first.put("reason", "RECENT_AFFILIATION");
        first.put("organisationId", "org-police");
        first.put("from", "2020-01-01");
        first.put("to", "2024-06-30");
        first.put("detail", "employed until 2024-06-30");
        Map<String, Object> second = new LinkedHashMap<>();
        second.put("reason", "DECLARED_INTEREST");
        second.put("organisationId", "org-health");
        second.put("from", null);
        second.put("to", null);
        second.put("detail", "a relative works there");
        assertThat(answer(e))
                .isEqualTo(refused(
                        409,
                        "not_independent",
                        e.getMessage(),
                        Map.of("independent", false, "independentOfLscb", true, "conflicts", List.of(first, second))));
        assertThat(((List<?>) answer(e).error().details().get("conflicts")).get(0))
                .isInstanceOf(LinkedHashMap.class);
    }

    @Test
    void bodies_tooLargeTooSlowOrWithoutRoom() {
        assertThat(answer(new TooLargeException(100)))
                .isEqualTo(refused(413, "too_large", "the document is larger than the limit of 100 bytes", Map.of()));
        assertThat(answer(new BodyTooLargeException(64)))
                .isEqualTo(refused(413, "too_large", "the request body is larger than 64 bytes", Map.of()));
        TooSlowException slow = new TooSlowException(1000, Duration.ofSeconds(10));
        assertThat(answer(slow)).isEqualTo(refused(408, "too_slow", slow.getMessage(), Map.of()));
        assertThat(answer(new InsufficientStorageException(new IOException("whatever the disk said"))))
                .isEqualTo(refused(
                        507,
                        "insufficient_storage",
                        "the server has no room to store this document now; try again later",
                        Map.of()));
    }

    @Test
    void theEnvelopeModulesRefusals_whichCannotExtendDomainException_areMappedAlike() {
        UnsupportedEnvelopeException unsupported = new UnsupportedEnvelopeException("not CMS");
        assertThat(answer(unsupported))
                .isEqualTo(refused(415, "unsupported_envelope", unsupported.getMessage(), Map.of()));
        EnvelopeTooLargeException big = new EnvelopeTooLargeException(2048);
        assertThat(answer(new UncheckedIOException(big)))
                .isEqualTo(refused(413, "too_large", big.getMessage(), Map.of()));
    }

    @Test
    void aRefusalIsFound_whereverItIsInTheCauses() {
        // a body cut off while it streams arrives wrapped by the I/O that read it
        assertThat(answer(new UncheckedIOException(new IOException("read failed", new TooLargeException(100))))
                        .status())
                .isEqualTo(413);
        assertThat(answer(new RuntimeException(new InsufficientStorageException()))
                        .status())
                .isEqualTo(507);
    }

    /** A bad request body is the caller's mistake; an answer the server cannot write as JSON is the server's. */
    @Test
    void jsonThatCannotBeRead_is400_butAnAnswerThatCannotBeWritten_is500() {
        assertThat(ErrorResponses.toResponse(
                                new MalformedJsonException("bad", new jakarta.json.bind.JsonbException("cannot read")))
                        .getStatus())
                .isEqualTo(400);
        assertThat(ErrorResponses.toResponse(new jakarta.ws.rs.ProcessingException(
                                new jakarta.json.bind.JsonbException("cannot serialise a package-private record")))
                        .getStatus())
                .isEqualTo(500);
    }

    @Test
    void anOperatingSystemsMessage_isNoRefusal() {
        // a full disk is found where the blob store writes (InsufficientStorageException), not by what an IOException
        // says
        assertThat(ErrorResponses.refusal(new UncheckedIOException(new IOException("No space left on device"))))
                .isNull();
        assertThat(ErrorResponses.refusal(new IllegalStateException("boom"))).isNull();
    }

    private static ErrorResponses.Refused answer(Throwable t) {
        DomainException refusal = ErrorResponses.refusal(t);
        assertThat(refusal).as("a refusal in %s", t).isNotNull();
        return ErrorResponses.answer(refusal);
    }

    private static ErrorResponses.Refused refused(
            int status, String code, String message, Map<String, Object> details) {
        return new ErrorResponses.Refused(status, ApiError.of(code, message, details), Map.of());
    }
}
