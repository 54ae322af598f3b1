package org.lscb.client;

import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(
        name = "login",
        mixinStandardHelpOptions = true,
        description =
                "Sign in; keeps the token in the client folder (owner-only) and pins the deployment CA on first use.")
final class LoginCommand implements Callable<Integer> {

    @ParentCommand
    Main main;

    @Option(names = "--user", required = true, description = "your username")
    String user;

    @Option(names = "--password-file", description = "a file holding your password (or LSCB_PASSWORD, or a prompt)")
    Path passwordFile;

    @Option(
            names = "--otp",
            description = "the code your authenticator app shows now, or a recovery code (or LSCB_OTP, or a prompt)")
    String otp;

    @Override
    public Integer call() throws Exception {
        Settings settings = main.settings();
        char[] password = Secrets.read(passwordFile, "LSCB_PASSWORD", "Password for " + user);
        String token = TwoFactor.signIn(new ServerApi(main.server, null), user, password, otp, main.out());
        String caPem = new ServerApi(main.server, token).text("/api/v1/ca", "application/x-pem-file");
        X509Certificate ca = Settings.certificate(caPem);
        var pinned = settings.pinnedCa();
        if (pinned.isPresent() && !pinned.get().equals(ca)) {
            throw new ClientException("the server's CA is not the one pinned in " + settings.folder()
                    + ": refusing (if the deployment really changed its CA, delete ca.pem there and log in again)");
        }
        settings.saveToken(token);
        if (pinned.isEmpty()) {
            settings.pinCa(caPem);
            main.out()
                    .println("Pinned the deployment CA "
                            + ca.getSubjectX500Principal().getName() + ", SHA-256 " + fingerprint(ca));
        }
        main.out().println("Signed in as " + user);
        return 0;
    }

    static String fingerprint(X509Certificate c) throws Exception {
        return HexFormat.ofDelimiter(":")
                .withUpperCase()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(c.getEncoded()));
    }
}
