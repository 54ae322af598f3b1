package org.lscb.foundation.deployment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/**
 * One version of one of the deployment's own keys, as the database holds it: wrapped, never in the clear. What
 * the wrapping is, and what the key inside is, is the server's business; this row only keeps the wrapped text,
 * when the version was made and when it stopped being used for new signatures.
 */
@Entity
@Table(name = "deployment_key")
@IdClass(DeploymentKey.Id.class)
public class DeploymentKey {

    /** Wide enough for a 2048-bit RSA JWK or a PKCS#12 of an EC key and its certificate, wrapped and in base64. */
    public static final int WRAPPED_CHARS = 16000;

    @jakarta.persistence.Id
    @Column(name = "name", length = 40)
    private String name;

    @jakarta.persistence.Id
    @Column(name = "version")
    private int version;

    @Column(name = "wrapped", nullable = false, length = WRAPPED_CHARS)
    private String wrapped;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "retired_at")
    private Instant retiredAt;

    protected DeploymentKey() {}

    public DeploymentKey(String name, int version, String wrapped, Instant createdAt) {
        if (name == null || !name.matches("[a-z][a-z0-9-]{0,39}")) {
            throw new IllegalArgumentException(
                    "a deployment key's name is lower-case letters, digits and '-': " + name);
        }
        if (version < 1) {
            throw new IllegalArgumentException("a deployment key's version starts at 1, not " + version);
        }
        if (wrapped.length() > WRAPPED_CHARS) {
            throw new IllegalArgumentException("the wrapped " + name + " key is longer than " + WRAPPED_CHARS);
        }
        this.name = name;
        this.version = version;
        this.wrapped = wrapped;
        this.createdAt = Objects.requireNonNull(createdAt);
    }

    /** This version signs nothing new from {@code at}; what it signed before may still be checked. */
    public void retire(Instant at) {
        if (retiredAt == null) {
            retiredAt = at;
        }
    }

    public String name() {
        return name;
    }

    public int version() {
        return version;
    }

    public String wrapped() {
        return wrapped;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public java.util.Optional<Instant> retiredAt() {
        return java.util.Optional.ofNullable(retiredAt);
    }

    /** The primary key: a name and a version. */
    public static class Id implements Serializable {

        private static final long serialVersionUID = 1L;

        private String name;
        private int version;

        public Id() {}

        public Id(String name, int version) {
            this.name = name;
            this.version = version;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Id other && other.version == version && Objects.equals(other.name, name);
        }

        @Override
        public int hashCode() {
            return Objects.hash(name, version);
        }
    }
}
