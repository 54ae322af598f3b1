package org.lscb.client;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Optional;

/**
 * The user's client folder ({@code ~/.config/lscb} unless {@code --config} or {@code LSCB_CONFIG} says
 * otherwise), readable by its owner only: the cached token, the pinned deployment CA, the default key.
 */
public final class Settings {

    private final Path folder;

    public Settings(Path folder) {
        this.folder = folder;
    }

    public static Path defaultFolder() {
        String env = System.getenv("LSCB_CONFIG");
        return env != null && !env.isBlank()
                ? Path.of(env)
                : Path.of(System.getProperty("user.home"), ".config", "lscb");
    }

    public Path folder() {
        return folder;
    }

    public Path key() {
        return folder.resolve("key.p12");
    }

    public Optional<String> token() {
        return read("token");
    }

    public void saveToken(String token) {
        write("token", token);
    }

    public Optional<X509Certificate> pinnedCa() {
        return pinnedCaPem().map(Settings::certificate);
    }

    /** The pinned CA as it is kept, unparsed: to know it is there before the certificate is needed. */
    public Optional<String> pinnedCaPem() {
        return read("ca.pem");
    }

    public void pinCa(String pem) {
        write("ca.pem", pem);
    }

    static X509Certificate certificate(String pem) {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new java.io.ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
        } catch (java.security.cert.CertificateException e) {
            throw new ClientException("the pinned CA certificate cannot be read; log in again", e);
        }
    }

    private Optional<String> read(String name) {
        Path p = folder.resolve(name);
        try {
            return Files.exists(p)
                    ? Optional.of(Files.readString(p, StandardCharsets.US_ASCII).strip())
                    : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Written owner-only, and atomically, so a half-written token never lingers. */
    private void write(String name, String value) {
        try {
            Files.createDirectories(folder);
            ownerOnly(folder, "rwx------");
            Path tmp = Files.createTempFile(folder, "." + name, ".tmp");
            ownerOnly(tmp, "rw-------");
            Files.writeString(tmp, value, StandardCharsets.US_ASCII);
            Files.move(
                    tmp,
                    folder.resolve(name),
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE,
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void ownerOnly(Path p, String perms) throws IOException {
        try {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(perms));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: the user's profile folder protects it
        }
    }
}
