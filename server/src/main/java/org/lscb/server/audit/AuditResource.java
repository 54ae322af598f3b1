package org.lscb.server.audit;

import com.nimbusds.jwt.JWTClaimsSet;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.List;
import org.lscb.foundation.audit.AuditEntry;
import org.lscb.foundation.audit.AuditHead;
import org.lscb.foundation.audit.AuditLog;
import org.lscb.foundation.audit.AuditVerification;
import org.lscb.foundation.persistence.Database;
import org.lscb.foundation.value.InvalidValueException;
import org.lscb.identity.organisation.BoardReach;
import org.lscb.server.auth.Caller;
import org.lscb.server.auth.CallerResolver;
import org.lscb.server.auth.TokenIssuer;
import org.lscb.server.json.Paging;
import org.lscb.server.organisation.BoardReaches;

/** Reading, verifying and checkpointing the hash-chained audit log (LSCB_OFFICER, ADMIN). */
@Path("audit")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    private Database database;
    private TokenIssuer signer;
    private CallerResolver callers;

    protected AuditResource() {}

    @Inject
    public AuditResource(Database database, TokenIssuer signer, CallerResolver callers) {
        this.database = database;
        this.signer = signer;
        this.callers = callers;
    }

    public record EntryBody(
            long index,
            Instant at,
            String actor,
            String action,
            String objectType,
            String objectId,
            String reviewId,
            String details,
            String hash) {
        static EntryBody of(AuditEntry e) {
            return new EntryBody(
                    e.seq(),
                    e.occurredAt(),
                    e.actor(),
                    e.action(),
                    e.objectType(),
                    e.objectId(),
                    e.reviewId(),
                    e.details(),
                    e.hash());
        }
    }

    public record Entries(List<EntryBody> entries) {}

    /** Leads no review: an officer without an organisation reads only the entries of no review. */
    private static final String NO_BOARD = "-";

    /** The head of the chain, signed with the server's token key so it can be checked against {@code /auth/jwks}. */
    public record Checkpoint(long entries, String head, Instant at, String signature) {}

    @GET
    @RolesAllowed({"ADMIN", "LSCB_OFFICER"})
    public Entries list(
            @QueryParam("reviewId") String reviewId,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("page") String page,
            @QueryParam("size") String size) {
        Instant f = instant(from, "from");
        Instant t = instant(to, "to");
        if (f != null && t != null && !f.isBefore(t)) {
            throw new InvalidValueException("to", "must be after from");
        }
        Paging paging = Paging.parse(page, size);
        // an administrator reads everything; a board's officer the entries of the reviews the board leads
        // (docs/architecture.md: the lead LSCB's officers read its audit) and, of no review, those of its own people
        // (BoardReach), never another board's
        Caller by = callers.caller();
        return database.read(em -> {
            BoardReach reach = BoardReaches.of(em, by);
            String leadBoard = reach.isEverything() ? null : reach.board().orElse(NO_BOARD);
            java.util.Set<String> orgs = reach.isEverything() ? java.util.Set.of() : reach.organisations();
            return new Entries(new AuditLog(em)
                            .find(
                                    blankToNull(reviewId),
                                    leadBoard,
                                    orgs,
                                    f,
                                    t,
                                    paging.page() * paging.size(),
                                    paging.size())
                            .stream()
                            .map(EntryBody::of)
                            .toList());
        });
    }

    @GET
    @Path("verify")
    @RolesAllowed({"ADMIN", "LSCB_OFFICER"})
    public AuditVerification verify() {
        return database.read(em -> new AuditLog(em).verify());
    }

    @GET
    @Path("checkpoint")
    @RolesAllowed({"ADMIN", "LSCB_OFFICER"})
    public Checkpoint checkpoint() {
        AuditHead head = database.read(em -> new AuditLog(em).head());
        Instant now = Instant.now();
        String signature = signer.sign(new JWTClaimsSet.Builder()
                .claim("entries", head.entries())
                .claim("head", head.hash())
                .issueTime(Date.from(now))
                .build());
        return new Checkpoint(head.entries(), head.hash(), now, signature);
    }

    private static Instant instant(String text, String field) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidValueException(field, "must be an ISO-8601 UTC time such as 2026-01-31T09:00:00Z");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
