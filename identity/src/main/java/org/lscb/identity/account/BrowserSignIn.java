package org.lscb.identity.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;

/**
 * One sign-in of a browser, the system of record for whether its session is signed in (docs/security.md W3):
 * the session carries this record's id, and a session whose record is ended, or missing, is signed out on
 * every server, whatever copy of the session a server keeps. The id is 256 random bits; it never leaves the
 * server (the browser holds only the session's cookies).
 */
@Entity
@Table(name = "browser_sign_in")
public class BrowserSignIn {

    private static final SecureRandom RANDOM = new SecureRandom();

    @Id
    @Column(name = "id", length = 64)
    private String id;

    @Column(name = "account_id", nullable = false, length = 36)
    private String accountId;

    /** The organisation the account acted for at sign-in (a board, for its officers); null for an administrator. */
    @Column(name = "organisation_id", length = 36)
    private String organisationId;

    @Column(name = "started_at", nullable = false)
    private Instant startedAt;

    @Column(name = "ended_at")
    private Instant endedAt;

    protected BrowserSignIn() {}

    /** The account signs in now, with a fresh random id. */
    public BrowserSignIn(Account account, Instant startedAt) {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        this.id = Base64.getUrlEncoder().withoutPadding().encodeToString(b);
        this.accountId = account.id();
        this.organisationId = account.organisationId();
        this.startedAt = startedAt;
    }

    public String id() {
        return id;
    }

    public String accountId() {
        return accountId;
    }

    public String organisationId() {
        return organisationId;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public boolean isLive() {
        return endedAt == null;
    }

    /** Ends the sign-in; one already ended keeps the moment it ended. */
    public void end(Instant at) {
        if (endedAt == null) {
            endedAt = at;
        }
    }
}
