package org.lscb.reviews;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.lscb.foundation.value.InvalidValueException;

/** The key dates of a review: none in the future, each no earlier than what it follows. */
class KeyDatesTest {

    static final LocalDate TODAY = LocalDate.of(2026, 3, 2);
    static final LocalDate TOMORROW = TODAY.plusDays(1);
    static final LocalDate D1 = LocalDate.of(2026, 2, 10);
    static final LocalDate D2 = LocalDate.of(2026, 2, 11);

    @Test
    void incidentInTheFuture_isRefusedNamingDatesIncident() {
        assertRefused(() -> new KeyDates(TOMORROW, null, null, null, null, TODAY), "dates.incident");
    }

    @Test
    void deathInTheFuture_isRefusedNamingDatesDeath() {
        assertRefused(() -> new KeyDates(null, TOMORROW, null, null, null, TODAY), "dates.death");
    }

    @Test
    void notificationInTheFuture_isRefusedNamingDatesNotification() {
        assertRefused(() -> new KeyDates(null, null, TOMORROW, null, null, TODAY), "dates.notification");
    }

    @Test
    void registrationInTheFuture_isRefusedNamingDatesRegistration() {
        assertRefused(() -> new KeyDates(null, null, null, TOMORROW, null, TODAY), "dates.registration");
    }

    @Test
    void initiationInTheFuture_isRefusedNamingDatesInitiated() {
        assertRefused(() -> new KeyDates(null, null, null, null, TOMORROW, TODAY), "dates.initiated");
    }

    @Test
    void everyDateToday_isAccepted() {
        KeyDates d = new KeyDates(TODAY, TODAY, TODAY, TODAY, TODAY, TODAY);

        assertThat(d.incident()).contains(TODAY);
        assertThat(d.death()).contains(TODAY);
        assertThat(d.notification()).contains(TODAY);
        assertThat(d.registration()).contains(TODAY);
        assertThat(d.initiated()).contains(TODAY);
    }

    @Test
    void noDatesAtAll_areAcceptedAsUnknown() {
        KeyDates d = new KeyDates(null, null, null, null, null, TODAY);

        assertThat(d.incident()).isEmpty();
        assertThat(d.death()).isEmpty();
        assertThat(d.notification()).isEmpty();
        assertThat(d.registration()).isEmpty();
        assertThat(d.initiated()).isEmpty();
    }

    @Test
    void deathBeforeTheIncident_isRefusedNamingDatesDeath() {
        assertRefused(() -> new KeyDates(D2, D1, null, null, null, TODAY), "dates.death");
    }

    @Test
    void notificationBeforeTheIncident_isRefusedNamingDatesNotification() {
        assertRefused(() -> new KeyDates(D2, null, D1, null, null, TODAY), "dates.notification");
    }

    @Test
    void registrationBeforeTheDeath_isRefusedNamingDatesRegistration() {
        assertRefused(() -> new KeyDates(null, D2, null, D1, null, TODAY), "dates.registration");
    }

    @Test
    void initiationBeforeTheNotification_isRefusedNamingDatesInitiated() {
        assertRefused(() -> new KeyDates(null, null, D2, null, D1, TODAY), "dates.initiated");
    }

    @Test
    void initiationBeforeTheIncident_isRefusedEvenWithoutANotification() {
        assertRefused(() -> new KeyDates(D2, null, null, null, D1, TODAY), "dates.initiated");
    }

    @Test
    void eventsOnTheSameDay_areAccepted() {
        KeyDates d = new KeyDates(D1, D1, D1, D1, D1, TODAY);

        assertThat(d.death()).contains(D1);
        assertThat(d.initiated()).contains(D1);
    }

    @Test
    void deathAfterTheNotificationOfSeriousHarm_isAccepted() {
        KeyDates d = new KeyDates(D1, TODAY, D2, null, null, TODAY);

        assertThat(d.death()).contains(TODAY);
    }

    @Test
    void refusalMessage_namesTheOffendingDate() {
        assertThatThrownBy(() -> new KeyDates(D2, D1, null, null, null, TODAY))
                .hasMessageContaining("the incident")
                .hasMessageContaining(D2.toString());
    }

    private static void assertRefused(ThrowingCallable call, String field) {
        assertThatThrownBy(call)
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo(field));
    }
}
