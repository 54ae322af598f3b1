package org.lscb.server.notification;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.function.Supplier;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.params.HKDFParameters;
import org.lscb.reviews.notification.ChildKey;
import org.lscb.server.config.DeploymentSecret;

/**
 * The deployment's {@link ChildKey}: its HMAC key is derived with HKDF-SHA256 from the deployment secret
 * ({@code CA_SECRET}) under a label of its own, so it is neither the TOTP wrapping key nor any other key
 * derived from the secret, and a copy of the database without the secret cannot be matched against NHS numbers
 * (docs/security.md "Child identifiers"). Changing {@code CA_SECRET} changes every child's key: a notification
 * after the change no longer finds the review opened for the same child before it.
 */
@ApplicationScoped
public class ChildIdentifiers {

    private static final byte[] INFO = "lscb child identifier hmac v1".getBytes(StandardCharsets.US_ASCII);

    private Supplier<char[]> deploymentSecret;
    private volatile ChildKey key;

    protected ChildIdentifiers() {}

    @Inject
    public ChildIdentifiers(DeploymentSecret secret) {
        this((Supplier<char[]>) secret::value);
    }

    ChildIdentifiers(Supplier<char[]> deploymentSecret) {
        this.deploymentSecret = deploymentSecret;
    }

    /** The child's key: the same for the same NHS number and date of birth under the same deployment secret. */
    public String of(String nhsNumber, LocalDate dateOfBirth) {
        return key().of(nhsNumber, dateOfBirth);
    }

    private ChildKey key() {
        ChildKey k = key;
        if (k == null) {
            char[] secret = deploymentSecret.get();
            byte[] ikm = new String(secret).getBytes(StandardCharsets.UTF_8);
            Arrays.fill(secret, '\0');
            HKDFBytesGenerator hkdf = new HKDFBytesGenerator(new SHA256Digest());
            hkdf.init(new HKDFParameters(ikm, null, INFO));
            byte[] out = new byte[ChildKey.KEY_BYTES];
            hkdf.generateBytes(out, 0, out.length);
            Arrays.fill(ikm, (byte) 0);
            k = new ChildKey(out);
            Arrays.fill(out, (byte) 0);
            key = k;
        }
        return k;
    }
}
