package org.lscb.server.web.envelope;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.lscb.exchange.pki.CertificatePurpose;
import org.lscb.exchange.pki.IssuedCertificate;
import org.lscb.identity.account.Role;
import org.lscb.server.auth.Caller;
import org.lscb.server.keys.KeyService;
import org.lscb.server.web.Pages;
import org.lscb.server.web.session.SignedIn;

/**
 * {@code GET /keys}: the person's certificates ({@code GET /api/v1/keys/mine}, every role) and their keys in
 * this browser. Its script ({@code keys-page.js}) adds a key file (PKCS#12, as {@code lscb keygen} writes it)
 * to the browser's key store as non-extractable WebCrypto keys, or makes a key pair in the browser, enrols it
 * ({@code POST /api/v1/keys/enrol}), hands the person a password-protected key file and, if they ask, keeps a
 * passphrase-wrapped copy on the service ({@code PUT /api/v1/keys/backup}); an officer adds the board's key
 * the same way. Private keys never reach the server in clear.
 */
@Path("keys")
@Produces(MediaType.TEXT_HTML)
public class KeysPage {

    private SignedIn signedIn;
    private Pages pages;
    private KeyService keys;

    protected KeysPage() {}

    @Inject
    public KeysPage(SignedIn signedIn, Pages pages, KeyService keys) {
        this.signedIn = signedIn;
        this.pages = pages;
        this.keys = keys;
    }

    public record View(String accountId, boolean officer, List<IssuedCertificate> certificates) {

        public boolean isBoard(IssuedCertificate c) {
            return c.purpose() == CertificatePurpose.BOARD;
        }
    }

    @GET
    public Response page() {
        Caller c = signedIn.withAnyRole(Role.values());
        return Pages.page(
                "pages/envelope/keys.jte",
                pages.chrome("Your keys", "keys").withScripts("keys-page.js"),
                Map.of("view", new View(c.accountId(), c.has(Role.LSCB_OFFICER), keys.mine(c))));
    }
}
