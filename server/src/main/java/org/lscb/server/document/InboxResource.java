package org.lscb.server.document;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.lscb.server.auth.CallerResolver;

/** Documents addressed to the caller (for the coroner: joint reports), with whether they acknowledged each. */
@Path("inbox")
public class InboxResource {

    private DocumentService documents;
    private CallerResolver callers;

    protected InboxResource() {}

    @Inject
    public InboxResource(DocumentService documents, CallerResolver callers) {
        this.documents = documents;
        this.callers = callers;
    }

    public record InboxView(DocumentView document, boolean received, String receivedAt) {}

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({
        "LSCB_OFFICER",
        "AGENCY_USER",
        "REVIEWER",
        "PAEDIATRICIAN",
        "CORONER",
        "ADMIN",
        "CDOP_MEMBER",
        "LSCB_CHAIR"
    })
    public List<InboxView> inbox() {
        return documents.inbox(callers.caller()).stream()
                .map(i -> new InboxView(
                        DocumentView.of(i.document()),
                        i.receivedAt().isPresent(),
                        i.receivedAt().map(Object::toString).orElse(null)))
                .toList();
    }
}
