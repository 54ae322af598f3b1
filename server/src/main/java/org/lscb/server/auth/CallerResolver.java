package org.lscb.server.auth;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.NotAuthorizedException;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.lscb.foundation.persistence.Database;
import org.lscb.identity.account.AccountRepository;
import org.lscb.identity.account.Username;

/**
 * Turns the verified token into the account it names. The token's name is looked up on every request,
 * so an account removed from the database stops working at once, for local and external tokens alike.
 */
@RequestScoped
public class CallerResolver {

    private JsonWebToken token;
    private Database database;
    private Caller cached;

    protected CallerResolver() {}

    @Inject
    public CallerResolver(JsonWebToken token, Database database) {
        this.token = token;
        this.database = database;
    }

    public Caller caller() {
        if (cached == null) {
            String name = token == null ? null : token.getName();
            cached = Username.parseLogin(name)
                    .flatMap(u -> database.read(em -> new AccountRepository(em).byUsername(u)))
                    .map(Caller::of)
                    .orElseThrow(() -> new NotAuthorizedException("Bearer"));
        }
        return cached;
    }
}
