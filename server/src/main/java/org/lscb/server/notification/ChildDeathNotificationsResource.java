package org.lscb.server.notification;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.lscb.foundation.value.InvalidValueException;
import org.lscb.reviews.notification.NotifiedDeath;
import org.lscb.reviews.notification.PlaceOfDeath;
import org.lscb.server.auth.CallerResolver;
import org.lscb.server.http.PublicLocations;
import org.lscb.server.json.Dates;
import org.lscb.server.json.Enums;
import org.lscb.server.json.RejectUnknownFields;
import org.lscb.server.review.ReviewService;
import org.lscb.server.review.ReviewViews;
import org.lscb.server.review.ReviewViews.ReviewView;

/**
 * Notification of a child's death (docs/api.md "Child death notifications"): {@code 201} with the review it
 * opened, or {@code 200} with the review already open for the same child, which it joined.
 *
 * <p>Who notifies: the professionals of the partner agencies who learn of a death first [24, 29], that is agency
 * staff (the police, health, children's social care), the paediatricians who confirm or are told of a death
 * [29], coroners, to whom deaths are reported [35], and the boards' own officers, who take a notification by
 * telephone. Not reviewers (independent of the case [11]), not the CDOP's members (the panel reviews what was
 * notified [27]) and not administrators (they run the deployment and see no review).
 */
@Path("child-death-notifications")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ChildDeathNotificationsResource {

    private ChildDeathNotifications notifications;
    private ReviewService reviews;
    private CallerResolver callers;
    private PublicLocations locations;

    protected ChildDeathNotificationsResource() {}

    @Inject
    public ChildDeathNotificationsResource(
            ChildDeathNotifications notifications,
            ReviewService reviews,
            CallerResolver callers,
            PublicLocations locations) {
        this.notifications = notifications;
        this.reviews = reviews;
        this.callers = callers;
        this.locations = locations;
    }

    /** No field for a name or an address: an unknown field is refused, not dropped. */
    @RejectUnknownFields
    public record NotificationBody(
            String nhsNumber,
            String dateOfBirth,
            String dateTimeOfDeath,
            String placeOfDeath,
            String residenceLscbId,
            Boolean lookedAfter,
            String lookedAfterByLscbId,
            Boolean unexpected,
            String whatIsKnown) {}

    public record NotificationAnswer(String notificationId, boolean duplicate, ReviewView review) {}

    @POST
    @RolesAllowed({"LSCB_OFFICER", "AGENCY_USER", "PAEDIATRICIAN", "CORONER"})
    public Response notifyDeath(NotificationBody body) {
        if (body == null) {
            throw new InvalidValueException("body", "is required");
        }
        NotifiedDeath death = NotifiedDeath.check(
                body.nhsNumber(),
                Dates.required(body.dateOfBirth(), "dateOfBirth"),
                Dates.requiredInstant(body.dateTimeOfDeath(), "dateTimeOfDeath"),
                body.placeOfDeath() == null
                        ? null
                        : Enums.parse(PlaceOfDeath.class, body.placeOfDeath(), "placeOfDeath"),
                body.residenceLscbId(),
                body.lookedAfter(),
                body.lookedAfterByLscbId(),
                body.unexpected(),
                body.whatIsKnown(),
                notifications.now());
        ChildDeathNotifications.Notified n = notifications.notify(callers.caller(), death);
        NotificationAnswer answer = new NotificationAnswer(
                n.notification().id(),
                n.duplicate(),
                ReviewViews.of(n.review(), reviews.clocks(n.review().review())));
        return (n.duplicate()
                        ? Response.ok()
                        : Response.created(
                                locations.of("reviews", n.review().review().id())))
                .entity(answer)
                .build();
    }
}
