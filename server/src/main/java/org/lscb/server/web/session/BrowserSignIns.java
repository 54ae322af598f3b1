package org.lscb.server.web.session;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import org.lscb.foundation.persistence.Database;
import org.lscb.identity.account.AccountRepository;
import org.lscb.identity.account.BrowserSignIn;
import org.lscb.identity.account.BrowserSignInRepository;

/**
 * Browser sign-ins kept in the database, the one record every server reads (docs/security.md W3): started at
 * sign-in, read by id on every request of a signed-in session, ended at sign-out. A session copy that a server
 * still holds after the sign-in ended elsewhere is therefore signed out there too, on the grid or without it.
 */
@ApplicationScoped
public class BrowserSignIns {

    private Database database;
    private Clock clock;

    protected BrowserSignIns() {}

    @Inject
    public BrowserSignIns(Database database) {
        this(database, Clock.systemUTC());
    }

    BrowserSignIns(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /** Records that the account signed in from a browser: the id the browser's session carries. */
    public String start(String accountId) {
        return database.inTransaction(em -> {
            BrowserSignIn s = new BrowserSignIn(
                    new AccountRepository(em)
                            .byId(accountId)
                            .orElseThrow(() -> new IllegalStateException("no account " + accountId)),
                    clock.instant());
            new BrowserSignInRepository(em).add(s);
            return s.id();
        });
    }

    /** Whether the sign-in is still on: one read by primary key; false for an ended or unknown one. */
    public boolean isLive(String id) {
        return database.read(em -> new BrowserSignInRepository(em)
                .byId(id)
                .map(BrowserSignIn::isLive)
                .orElse(false));
    }

    /** Ends the sign-in, for every server at once. */
    public void end(String id) {
        database.inTransaction(em -> {
            new BrowserSignInRepository(em).byId(id).ifPresent(s -> s.end(clock.instant()));
            return null;
        });
    }
}
