package org.lscb.server.request;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.lscb.server.auth.CallerResolver;

/** What is still asked of the caller's organisation across its reviews (docs/api.md "Document requests"). */
@Path("requests")
@Produces(MediaType.APPLICATION_JSON)
public class RequestsResource {

    private DocumentRequests requests;
    private CallerResolver callers;

    protected RequestsResource() {}

    @Inject
    public RequestsResource(DocumentRequests requests, CallerResolver callers) {
        this.requests = requests;
        this.callers = callers;
    }

    @GET
    @RolesAllowed("AGENCY_USER")
    public List<RequestView> askedOfMe() {
        return requests.askedOfCaller(callers.caller()).stream()
                .map(RequestView::of)
                .toList();
    }
}
