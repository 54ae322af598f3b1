package org.lscb.server.web.envelope;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.lscb.foundation.persistence.Database;
import org.lscb.identity.account.AccountRepository;
import org.lscb.identity.account.Role;
import org.lscb.server.auth.Caller;
import org.lscb.server.auth.TokenIssuer;
import org.lscb.server.web.session.SignInRequiredException;
import org.lscb.server.web.session.SignedIn;

/**
 * {@code POST /session/api-token}: a bearer token for the JSON API, for the scripts of a signed-in person's
 * pages that seal, open and grant documents in the browser. The scripts then call the same API endpoints as
 * {@code lscb}, under the same authorisation rules, instead of a second set of page endpoints. The post is a
 * page form (the session's CSRF token, checked by {@code CsrfFilter}), so only this origin's pages obtain a
 * token; the script keeps it in memory only. The token is the one a sign-in through the API gives the same
 * account, but for five minutes at most, since signing out cannot take back a token already given (docs/security.md
 * "Browser encryption").
 */
@Path("session/api-token")
public class BrowserApiToken {

    private SignedIn signedIn;
    private TokenIssuer issuer;
    private Database database;

    protected BrowserApiToken() {}

    @Inject
    public BrowserApiToken(SignedIn signedIn, TokenIssuer issuer, Database database) {
        this.signedIn = signedIn;
        this.issuer = issuer;
        this.database = database;
    }

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    public Response issue() {
        Caller caller = signedIn.withAnyRole(Role.values());
        var account = database.read(em -> new AccountRepository(em).byId(caller.accountId()))
                .orElseThrow(() -> new SignInRequiredException(null));
        TokenIssuer.IssuedToken token = issuer.issueForBrowser(account);
        return Response.ok(Json.createObjectBuilder()
                        .add("access_token", token.value())
                        .add("token_type", "Bearer")
                        .add("expires_in", token.expiresInSeconds())
                        .build()
                        .toString())
                .type(MediaType.APPLICATION_JSON_TYPE)
                .build();
    }
}
