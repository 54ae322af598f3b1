package org.lscb.server.keys;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;

/** The deployment CA certificate, which clients pin and check every recipient certificate against. */
@Path("ca")
public class CaResource {

    static final String PEM = "application/x-pem-file";

    private KeyService keys;

    protected CaResource() {}

    @Inject
    public CaResource(KeyService keys) {
        this.keys = keys;
    }

    @GET
    @PermitAll
    @Produces(PEM)
    public String ca() {
        return keys.caPem();
    }
}
