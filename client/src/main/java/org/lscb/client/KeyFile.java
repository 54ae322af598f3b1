package org.lscb.client;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import org.lscb.envelope.Identity;

/** The user's key in a password-protected PKCS#12 file, with its certificate. */
final class KeyFile {

    static final String ALIAS = "lscb";

    private KeyFile() {}

    static void write(Path file, PrivateKey key, X509Certificate cert, char[] password) throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        ks.setKeyEntry(ALIAS, key, password, new X509Certificate[] {cert});
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, ".key-", ".tmp");
        Settings.ownerOnly(tmp, "rw-------");
        try (OutputStream out = Files.newOutputStream(tmp)) {
            ks.store(out, password);
        }
        Files.move(
                tmp,
                file,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE,
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    static Identity read(Path file, char[] password) {
        if (!Files.exists(file)) {
            throw new ClientException("no key file at " + file + ": run 'lscb keygen' and 'lscb enrol' first");
        }
        try {
            return Identity.fromPkcs12(file, password);
        } catch (java.io.IOException e) {
            throw new ClientException("wrong password for the key file " + file, e);
        } catch (Exception e) {
            throw new ClientException("cannot read the key file " + file + ": " + e.getMessage(), e);
        }
    }

    static PrivateKey privateKey(Path file, char[] password) throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            ks.load(in, password);
        }
        return (PrivateKey) ks.getKey(ks.aliases().nextElement(), password);
    }
}
