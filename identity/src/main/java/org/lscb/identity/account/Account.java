package org.lscb.identity.account;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import org.lscb.foundation.value.InvalidValueException;
import org.lscb.foundation.value.Text;

/** A person who signs in: a username, the roles they hold and the organisation they act for. */
@Entity
@Table(name = "account")
public class Account {

    public static final int MAX_DISPLAY_NAME = 200;

    @Id
    @Column(name = "id", length = 36)
    private String id;

    @Column(name = "username", nullable = false, unique = true, length = 64)
    private String username;

    @Column(name = "display_name", nullable = false, length = MAX_DISPLAY_NAME)
    private String displayName;

    /** Argon2id in PHC string form; null for accounts that only sign in through an external issuer. */
    @Column(name = "password_hash", length = 200)
    private String passwordHash;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "account_role", joinColumns = @JoinColumn(name = "account_id"))
    @Enumerated(EnumType.STRING)
    @Column(name = "role", length = 32)
    private Set<Role> roles = EnumSet.noneOf(Role.class);

    @Column(name = "organisation_id", length = 36)
    private String organisationId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected Account() {}

    public Account(
            Username username,
            String displayName,
            Set<Role> roles,
            String organisationId,
            String passwordHash,
            Instant createdAt) {
        if (roles == null || roles.isEmpty()) {
            throw new InvalidValueException("roles", "at least one role is required");
        }
        if (organisationId == null && !roles.equals(EnumSet.of(Role.ADMIN))) {
            throw new InvalidValueException("organisationId", "is required for every role but ADMIN");
        }
        this.id = UUID.randomUUID().toString();
        this.username = username.value();
        this.displayName = Text.required(displayName, "displayName", MAX_DISPLAY_NAME);
        org.lscb.foundation.value.ConfusableNames.check("displayName", this.displayName);
        this.roles = EnumSet.copyOf(roles);
        this.organisationId = organisationId;
        this.passwordHash = passwordHash;
        this.createdAt = createdAt;
    }

    public String id() {
        return id;
    }

    public Username username() {
        return new Username(username);
    }

    public String displayName() {
        return displayName;
    }

    public Set<Role> roles() {
        return roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
    }

    public boolean hasRole(Role role) {
        return roles.contains(role);
    }

    public String organisationId() {
        return organisationId;
    }

    public Instant createdAt() {
        return createdAt;
    }

    /** False for an account that signs in only through an external identity provider. */
    public boolean hasPassword() {
        return passwordHash != null;
    }

    /**
     * True when the password matches; false too when this account has no local password, after the same
     * Argon2 work as a real check, so that the time of the answer does not single out such accounts.
     */
    public boolean passwordMatches(char[] password, PasswordHasher hasher) {
        if (passwordHash == null) {
            hasher.verifyAgainstNothing(password);
            return false;
        }
        return hasher.verify(password, passwordHash);
    }
}
