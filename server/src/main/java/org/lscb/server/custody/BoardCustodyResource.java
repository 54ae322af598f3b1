package org.lscb.server.custody;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.lscb.exchange.custody.KeyRecovery;
import org.lscb.exchange.custody.RecoveryPurpose;
import org.lscb.foundation.value.InvalidValueException;
import org.lscb.server.auth.CallerResolver;
import org.lscb.server.custody.CustodyViews.ApprovalView;
import org.lscb.server.custody.CustodyViews.CandidateView;
import org.lscb.server.custody.CustodyViews.CustodyView;
import org.lscb.server.custody.CustodyViews.DeliveryView;
import org.lscb.server.custody.CustodyViews.RecoveryView;
import org.lscb.server.custody.CustodyViews.ShareView;
import org.lscb.server.http.PublicLocations;
import org.lscb.server.json.Base64Field;
import org.lscb.server.json.Enums;
import org.lscb.server.json.MaxBodyBytes;
import org.lscb.server.json.RejectUnknownFields;

/**
 * The board key under M-of-N custody: its split and the requests for it (docs/api.md "Board key custody"). Every
 * answer is {@link BoardCustody}'s; this class only reads and writes JSON.
 */
@Path("boards/{boardId}")
@Produces(MediaType.APPLICATION_JSON)
public class BoardCustodyResource {

    /** Sixteen sealed shares of at most 12,000 bytes each as base64, with room for the rest. */
    static final int MAX_SPLIT_BODY = 300_000;

    static final int MAX_APPROVAL_BODY = 20_000;

    private BoardCustody custody;
    private CallerResolver callers;
    private PublicLocations locations;

    protected BoardCustodyResource() {}

    @Inject
    public BoardCustodyResource(BoardCustody custody, CallerResolver callers, PublicLocations locations) {
        this.custody = custody;
        this.callers = callers;
        this.locations = locations;
    }

    @RejectUnknownFields
    public record ShareBody(String custodianCertificateId, String envelope) {}

    @RejectUnknownFields
    @MaxBodyBytes(MAX_SPLIT_BODY)
    public record SplitBody(
            String boardCertificateId, Integer threshold, List<ShareBody> shares, String proof, String recoveryId) {}

    @RejectUnknownFields
    @MaxBodyBytes(4096)
    public record RecoveryBody(
            String purpose,
            String documentId,
            String accountId,
            String lostCertificateId,
            String reason,
            String requesterCertificateId) {}

    @RejectUnknownFields
    @MaxBodyBytes(MAX_APPROVAL_BODY)
    public record ApprovalBody(String envelope) {}

    @GET
    @Path("custody")
    @RolesAllowed({"LSCB_OFFICER", "LSCB_CHAIR", "AGENCY_USER"})
    public CustodyView current(@PathParam("boardId") String boardId) {
        return CustodyView.of(custody.current(callers.caller(), boardId));
    }

    @PUT
    @Path("custody")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"LSCB_OFFICER", "LSCB_CHAIR", "AGENCY_USER"})
    public CustodyView split(@PathParam("boardId") String boardId, SplitBody body) {
        if (body == null) {
            throw new InvalidValueException("body", "is required");
        }
        if (body.threshold() == null) {
            throw new InvalidValueException("threshold", "is required");
        }
        if (body.shares() == null || body.shares().isEmpty()) {
            throw new InvalidValueException("shares", "is required");
        }
        List<BoardCustody.SealedShare> shares = body.shares().stream()
                .map(s -> {
                    if (s == null || s.custodianCertificateId() == null) {
                        throw new InvalidValueException("shares.custodianCertificateId", "is required");
                    }
                    return new BoardCustody.SealedShare(
                            s.custodianCertificateId(), Base64Field.bytes("shares.envelope", s.envelope()));
                })
                .toList();
        return CustodyView.of(custody.split(
                callers.caller(),
                boardId,
                new BoardCustody.NewSplit(
                        body.boardCertificateId(),
                        body.threshold(),
                        shares,
                        Base64Field.bytes("proof", body.proof()),
                        body.recoveryId())));
    }

    @GET
    @Path("custody/candidates")
    @RolesAllowed({"LSCB_OFFICER", "LSCB_CHAIR", "AGENCY_USER"})
    public List<CandidateView> candidates(@PathParam("boardId") String boardId) {
        return custody.candidates(callers.caller(), boardId).stream()
                .map(CandidateView::of)
                .toList();
    }

    @GET
    @Path("custody/share")
    @RolesAllowed({"LSCB_OFFICER", "LSCB_CHAIR", "AGENCY_USER"})
    public ShareView share(@PathParam("boardId") String boardId) {
        return ShareView.of(custody.myShare(callers.caller(), boardId));
    }

    @GET
    @Path("recoveries")
    @RolesAllowed({"LSCB_OFFICER", "LSCB_CHAIR", "AGENCY_USER"})
    public List<RecoveryView> recoveries(@PathParam("boardId") String boardId) {
        return custody.recoveries(callers.caller(), boardId).stream()
                .map(RecoveryView::of)
                .toList();
    }

    @POST
    @Path("recoveries")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"LSCB_OFFICER", "LSCB_CHAIR", "AGENCY_USER"})
    public Response request(@PathParam("boardId") String boardId, RecoveryBody body) {
        if (body == null) {
            throw new InvalidValueException("body", "is required");
        }
        if (body.purpose() == null) {
            throw new InvalidValueException("purpose", "is required");
        }
        if (body.requesterCertificateId() == null) {
            throw new InvalidValueException("requesterCertificateId", "is required");
        }
        KeyRecovery.Request what = new KeyRecovery.Request(
                Enums.parse(RecoveryPurpose.class, body.purpose(), "purpose"),
                body.documentId(),
                body.accountId(),
                body.lostCertificateId(),
                body.reason());
        RecoveryView made =
                RecoveryView.of(custody.request(callers.caller(), boardId, what, body.requesterCertificateId()));
        return Response.created(locations.of("boards", boardId, "recoveries", made.id()))
                .entity(made)
                .build();
    }

    @GET
    @Path("recoveries/{recoveryId}")
    @RolesAllowed({"LSCB_OFFICER", "LSCB_CHAIR", "AGENCY_USER"})
    public RecoveryView recovery(@PathParam("boardId") String boardId, @PathParam("recoveryId") String recoveryId) {
        return RecoveryView.of(custody.recovery(callers.caller(), boardId, recoveryId));
    }

    @POST
    @Path("recoveries/{recoveryId}/approvals")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"LSCB_OFFICER", "LSCB_CHAIR", "AGENCY_USER"})
    public Response approve(
            @PathParam("boardId") String boardId, @PathParam("recoveryId") String recoveryId, ApprovalBody body) {
        if (body == null) {
            throw new InvalidValueException("body", "is required");
        }
        RecoveryView after = RecoveryView.of(
                custody.approve(callers.caller(), boardId, recoveryId, Base64Field.bytes("envelope", body.envelope())));
        return Response.status(Response.Status.CREATED).entity(after).build();
    }

    @GET
    @Path("recoveries/{recoveryId}/approvals")
    @RolesAllowed({"LSCB_OFFICER", "LSCB_CHAIR", "AGENCY_USER"})
    public List<ApprovalView> approvals(
            @PathParam("boardId") String boardId, @PathParam("recoveryId") String recoveryId) {
        return custody.approvals(callers.caller(), boardId, recoveryId).stream()
                .map(ApprovalView::of)
                .toList();
    }

    @GET
    @Path("recoveries/{recoveryId}/deliveries")
    @RolesAllowed({"LSCB_OFFICER", "LSCB_CHAIR", "AGENCY_USER"})
    public List<DeliveryView> deliveries(
            @PathParam("boardId") String boardId, @PathParam("recoveryId") String recoveryId) {
        return custody.deliveries(callers.caller(), boardId, recoveryId).stream()
                .map(DeliveryView::of)
                .toList();
    }

    @POST
    @Path("recoveries/{recoveryId}/completion")
    @RolesAllowed({"LSCB_OFFICER", "LSCB_CHAIR", "AGENCY_USER"})
    public RecoveryView complete(@PathParam("boardId") String boardId, @PathParam("recoveryId") String recoveryId) {
        return RecoveryView.of(custody.complete(callers.caller(), boardId, recoveryId));
    }

    @POST
    @Path("recoveries/{recoveryId}/cancellation")
    @RolesAllowed({"LSCB_OFFICER", "LSCB_CHAIR", "AGENCY_USER"})
    public RecoveryView cancel(@PathParam("boardId") String boardId, @PathParam("recoveryId") String recoveryId) {
        return RecoveryView.of(custody.cancel(callers.caller(), boardId, recoveryId));
    }
}
