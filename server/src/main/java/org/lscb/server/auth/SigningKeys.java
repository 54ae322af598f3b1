package org.lscb.server.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The RSA keys that sign this server's tokens and audit checkpoints, kept as a JWK set in
 * {@code <data>/keys/token-signing.jwks} (owner-only). The first key is the one that signs; older
 * keys stay listed so that tokens they signed verify until they expire. {@link #rotate()} adds a key.
 */
public final class SigningKeys {

    /** RS256 with 2048-bit keys, the JWT norm; tokens live minutes and keys can be rotated. */
    static final int KEY_BITS = 2048;

    private static final Map<Path, SigningKeys> OPEN = new ConcurrentHashMap<>();

    private final Path file;
    private volatile JWKSet keys;
    /** The public set as JSON, asked for by MicroProfile JWT on every request: made once per change. */
    private volatile String publicJson;

    private SigningKeys(Path file) {
        this.file = file;
        this.keys = loadOrCreate(file);
        this.publicJson = keys.toPublicJWKSet().toString();
    }

    public static SigningKeys in(Path dataDir) {
        Path file = dataDir.resolve("keys").resolve("token-signing.jwks");
        return OPEN.computeIfAbsent(file.toAbsolutePath().normalize(), SigningKeys::new);
    }

    public RSAKey current() {
        return (RSAKey) keys.getKeys().get(0);
    }

    public JWKSet publicKeys() {
        return keys.toPublicJWKSet();
    }

    public String publicKeysJson() {
        return publicJson;
    }

    /** Makes a new signing key; the old ones stay published for verification. */
    public synchronized void rotate() {
        List<JWK> next = new ArrayList<>();
        next.add(generate());
        next.addAll(keys.getKeys());
        JWKSet updated = new JWKSet(next);
        write(file, updated);
        keys = updated;
        publicJson = updated.toPublicJWKSet().toString();
    }

    private static JWKSet loadOrCreate(Path file) {
        try {
            if (Files.exists(file)) {
                return JWKSet.parse(Files.readString(file, StandardCharsets.UTF_8));
            }
            JWKSet created = new JWKSet(generate());
            write(file, created);
            return created;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or write the token signing keys at " + file, e);
        } catch (ParseException e) {
            throw new IllegalStateException("the token signing keys at " + file + " are not a JWK set", e);
        }
    }

    private static RSAKey generate() {
        try {
            return new RSAKeyGenerator(KEY_BITS)
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256)
                    .keyIDFromThumbprint(true)
                    .issueTime(java.util.Date.from(Instant.now()))
                    .generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot generate an RSA signing key", e);
        }
    }

    private static void write(Path file, JWKSet set) {
        try {
            Files.createDirectories(file.getParent());
            Path tmp = Files.createTempFile(file.getParent(), "token-signing", ".tmp");
            try {
                ownerOnly(tmp);
                Files.writeString(tmp, set.toString(false), StandardCharsets.UTF_8);
                try {
                    Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the token signing keys at " + file, e);
        }
    }

    private static void ownerOnly(Path path) throws IOException {
        try {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system; the folder's own permissions apply
        }
    }
}
