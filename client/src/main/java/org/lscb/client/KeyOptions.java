package org.lscb.client;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Which key file, and where its password comes from (never from the command line itself). */
final class KeyOptions {

    @Option(names = "--key", description = "the PKCS#12 key file (default: key.p12 in the client folder)")
    Path key;

    @Option(
            names = "--key-password-file",
            description = "a file holding the key file's password (or LSCB_KEY_PASSWORD, or a prompt)")
    Path passwordFile;

    Path file(Settings settings) {
        return key != null ? key : settings.key();
    }

    char[] password() {
        return Secrets.read(passwordFile, "LSCB_KEY_PASSWORD", "Key file password");
    }
}
