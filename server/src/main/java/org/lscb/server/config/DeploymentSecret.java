package org.lscb.server.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.logging.Logger;

/**
 * The secret that protects the deployment's own keys: {@code CA_SECRET}, or, when it is not set (the
 * embedded default), a random secret made at first start and kept owner-only in
 * {@code DATA_DIR/ca/ca.secret}, with a warning in the log. The CA's key store and the gateway key are
 * locked with it; other keys of the deployment (the wrapping key of TOTP secrets) are derived from it.
 */
@ApplicationScoped
public class DeploymentSecret {

    private static final Logger LOG = Logger.getLogger(DeploymentSecret.class.getName());

    private ServerConfig config;
    /** Read once: the CA, the gateway key and TOTP wrapping each ask for it. */
    private char[] secret;

    protected DeploymentSecret() {}

    @Inject
    public DeploymentSecret(ServerConfig config) {
        this.config = config;
    }

    /** A fresh copy of the secret's characters, which the caller may clear. */
    public synchronized char[] value() {
        if (secret == null) {
            secret = config.caSecret()
                    .map(String::toCharArray)
                    .orElseGet(() -> kept(config.dataDir().resolve("ca").resolve("ca.secret")));
        }
        return secret.clone();
    }

    private static char[] kept(Path file) {
        try {
            if (Files.exists(file)) {
                return Files.readString(file, StandardCharsets.US_ASCII).strip().toCharArray();
            }
            Files.createDirectories(file.getParent());
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            Files.writeString(file, secret, StandardCharsets.US_ASCII);
            try {
                Files.setPosixFilePermissions(
                        file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system; the data folder's own permissions apply
            }
            LOG.warning("CA_SECRET is not set: the deployment's keys are protected by a secret kept in " + file
                    + "; configure CA_SECRET for production");
            return secret.toCharArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
