package org.lscb.reviews;

/** No live appointment with this id on the review (404, like any object the caller cannot see). */
public class UnknownAppointmentException extends RuntimeException {

    public UnknownAppointmentException(String appointmentId) {
        super("no live appointment " + appointmentId);
    }
}
