package org.lscb.reviews;

import org.lscb.foundation.value.DomainException;

/** No live appointment with this id on the review (404, like any object the caller cannot see). */
public class UnknownAppointmentException extends DomainException {

    public UnknownAppointmentException(String appointmentId) {
        super(Kind.NOT_FOUND, "not_found", "no live appointment " + appointmentId);
    }
}
