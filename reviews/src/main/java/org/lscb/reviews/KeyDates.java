package org.lscb.reviews;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.LocalDate;
import java.util.Optional;
import org.lscb.foundation.value.InvalidValueException;

/**
 * The dates the statutory clocks start from. None may lie in the future, and they must follow
 * each other as events do: notification and death come no earlier than the incident, registration no
 * earlier than the death, initiation no earlier than notification.
 */
@Embeddable
public class KeyDates {

    @Column(name = "incident_date")
    private LocalDate incident;

    @Column(name = "death_date")
    private LocalDate death;

    @Column(name = "notification_date")
    private LocalDate notification;

    @Column(name = "registration_date")
    private LocalDate registration;

    @Column(name = "initiated_date")
    private LocalDate initiated;

    protected KeyDates() {}

    public KeyDates(
            LocalDate incident,
            LocalDate death,
            LocalDate notification,
            LocalDate registration,
            LocalDate initiated,
            LocalDate today) {
        this.incident = notFuture(incident, "dates.incident", today);
        this.death = notFuture(death, "dates.death", today);
        this.notification = notFuture(notification, "dates.notification", today);
        this.registration = notFuture(registration, "dates.registration", today);
        this.initiated = notFuture(initiated, "dates.initiated", today);
        notBefore(death, incident, "dates.death", "the incident");
        notBefore(notification, incident, "dates.notification", "the incident");
        notBefore(registration, death, "dates.registration", "the death");
        notBefore(initiated, notification, "dates.initiated", "the notification");
        notBefore(initiated, incident, "dates.initiated", "the incident");
    }

    private static LocalDate notFuture(LocalDate d, String field, LocalDate today) {
        if (d != null && d.isAfter(today)) {
            throw new InvalidValueException(field, "must not be in the future (" + d + " is after " + today + ")");
        }
        return d;
    }

    private static void notBefore(LocalDate later, LocalDate earlier, String field, String what) {
        if (later != null && earlier != null && later.isBefore(earlier)) {
            throw new InvalidValueException(field, "must not be before " + what + " (" + earlier + ")");
        }
    }

    /** The same dates with the review initiated on {@code day} (when the Chair commissions it). */
    KeyDates initiatedOn(LocalDate day) {
        KeyDates d = new KeyDates();
        d.incident = incident;
        d.death = death;
        d.notification = notification;
        d.registration = registration;
        d.initiated = day;
        notBefore(day, notification, "decidedOn", "the notification");
        return d;
    }

    public Optional<LocalDate> incident() {
        return Optional.ofNullable(incident);
    }

    public Optional<LocalDate> death() {
        return Optional.ofNullable(death);
    }

    public Optional<LocalDate> notification() {
        return Optional.ofNullable(notification);
    }

    public Optional<LocalDate> registration() {
        return Optional.ofNullable(registration);
    }

    public Optional<LocalDate> initiated() {
        return Optional.ofNullable(initiated);
    }
}
