package org.lscb.reviews;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import org.lscb.foundation.value.InvalidValueException;

/** A time a clock stood still, with the reason recorded (such as related court proceedings). */
@Entity
@Table(name = "review_clock_pause")
public class ClockPause {

    @Id
    @Column(name = "id", length = 36)
    private String id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "clock_id", nullable = false)
    private ReviewClock clock;

    @Column(name = "paused_on", nullable = false)
    private LocalDate pausedOn;

    @Column(name = "resumed_on")
    private LocalDate resumedOn;

    @Column(name = "reason", nullable = false, length = 1000)
    private String reason;

    protected ClockPause() {}

    ClockPause(ReviewClock clock, LocalDate pausedOn, String reason) {
        this.id = UUID.randomUUID().toString();
        this.clock = clock;
        this.pausedOn = pausedOn;
        this.reason = reason;
    }

    void resume(LocalDate on) {
        if (on.isBefore(pausedOn)) {
            throw new InvalidValueException("on", "a clock cannot resume before it was paused (" + pausedOn + ")");
        }
        this.resumedOn = on;
    }

    public LocalDate pausedOn() {
        return pausedOn;
    }

    public Optional<LocalDate> resumedOn() {
        return Optional.ofNullable(resumedOn);
    }

    public String reason() {
        return reason;
    }
}
