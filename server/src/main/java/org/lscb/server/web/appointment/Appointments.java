package org.lscb.server.web.appointment;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.lscb.foundation.value.InvalidValueException;
import org.lscb.identity.account.Role;
import org.lscb.reviews.AppointmentRole;
import org.lscb.reviews.NotIndependentException;
import org.lscb.reviews.ReviewAccess;
import org.lscb.server.auth.Caller;
import org.lscb.server.review.ReviewAppointments;
import org.lscb.server.review.ReviewService;
import org.lscb.server.web.FormErrors;
import org.lscb.server.web.Pages;
import org.lscb.server.web.reviewer.ReviewerPageViews;
import org.lscb.server.web.reviewer.ReviewerPageViews.AppointForm;
import org.lscb.server.web.reviewer.ReviewerPageViews.VerifyForm;
import org.lscb.server.web.session.SignedIn;

/**
 * Appointing a reviewer from the register to a review: the same {@link ReviewAppointments#appoint} call, with
 * the same roles (LSCB officer; LSCB Chair for an override), as {@code POST /api/v1/reviews/{id}/appointments}.
 * A lead reviewer who is not independent is refused by the domain ({@code Review#appoint}, [11]) unless the
 * form carries the Chair's written reason, which only the lead board's Chair gives (docs/domain.md
 * "Independence"; an officer's override is refused, and so is a Chair's appointment without one); the refusal
 * comes back to the reviewer's page with every conflict in the error summary. Success goes on to the panel
 * check ({@link PanelCheckPage}).
 */
@Path("reviews/{id}/appointments")
@Produces(MediaType.TEXT_HTML)
public class Appointments {

    private SignedIn signedIn;
    private ReviewAppointments appointments;
    private ReviewerPageViews reviewerPage;
    private ReviewService reviews;

    protected Appointments() {}

    @Inject
    public Appointments(
            SignedIn signedIn, ReviewAppointments appointments, ReviewerPageViews reviewerPage, ReviewService reviews) {
        this.signedIn = signedIn;
        this.appointments = appointments;
        this.reviewerPage = reviewerPage;
        this.reviews = reviews;
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response appoint(
            @PathParam("id") String id,
            @FormParam("reviewerId") String reviewerId,
            @FormParam("role") String role,
            @FormParam("overrideReason") String overrideReason) {
        Caller c = signedIn.withAnyRole(Role.LSCB_OFFICER, Role.LSCB_CHAIR);
        // whether this person may appoint to the review at all comes before what the form says: another board's
        // officer learns nothing from their post but "Page not found". An override is the Chair's (DECIDE).
        boolean override = overrideReason != null && !overrideReason.isBlank();
        reviews.allowedTo(c, id, override ? ReviewAccess.Action.DECIDE : ReviewAccess.Action.MANAGE);
        if (reviewerId == null || reviewerId.isBlank()) {
            throw new InvalidValueException("reviewerId", "names no reviewer on the register");
        }
        String reason = overrideReason == null ? "" : overrideReason.strip();
        AppointmentRole chosen = role == null
                ? null
                : switch (role) {
                    case "LEAD_REVIEWER" -> AppointmentRole.LEAD_REVIEWER;
                    case "PANEL_MEMBER" -> AppointmentRole.PANEL_MEMBER;
                    default -> null;
                };
        FormErrors errors = FormErrors.none();
        if (chosen == null) {
            errors = errors.with("role", "Select the role to appoint them to");
        }
        if (reason.length() > 2000) {
            errors = errors.with("overrideReason", "The Chair's reason must be 2,000 characters or fewer");
        }
        if (!errors.isEmpty()) {
            return back(400, c, id, reviewerId, new AppointForm(role, reason, errors));
        }
        try {
            appointments.appoint(c, id, chosen, reviewerId, null, reason.isEmpty() ? null : reason);
        } catch (NotIndependentException refused) {
            // nothing stored; the refusal is audited (ReviewAppointments#appoint)
            return back(409, c, id, reviewerId, AppointForm.refused(role, reason));
        } catch (InvalidValueException bad) {
            if (bad.field() != null && bad.field().startsWith("override")) {
                // an override is only for a lead who is not independent (Review#appoint)
                return back(
                        400,
                        c,
                        id,
                        reviewerId,
                        new AppointForm(
                                role,
                                reason,
                                FormErrors.none()
                                        .with(
                                                "overrideReason",
                                                "Leave the Chair's reason empty: an override is only for a lead"
                                                        + " reviewer who is not independent")));
            }
            throw bad;
        }
        return Pages.seeOther("/reviews/" + Pages.encode(id) + "/panel-check?appointed=" + chosen.name());
    }

    private Response back(int status, Caller c, String reviewId, String reviewerId, AppointForm form) {
        return reviewerPage.render(status, c, reviewerId, reviewId, form, VerifyForm.empty(), null);
    }
}
