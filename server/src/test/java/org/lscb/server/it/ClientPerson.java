package org.lscb.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.lscb.client.Main;

/**
 * One person's {@code lscb} client, run in this process as they would run it on their own machine: their own
 * client folder ({@code <dir>/<username>}), their passwords in files, their key in {@code key.p12} there.
 */
final class ClientPerson {
    final Api.Login login;
    final Path folder;
    final Path password;
    final Path keyPassword;

    private final Api api;

    ClientPerson(Api api, Path dir, Api.Login login) throws Exception {
        this.api = api;
        this.login = login;
        this.folder = Files.createDirectories(dir.resolve(login.username()));
        this.password = Files.writeString(folder.resolve("password.txt"), login.password());
        this.keyPassword = Files.writeString(folder.resolve("keypass.txt"), "key-" + login.username());
    }

    Result run(String... args) {
        List<String> all = new ArrayList<>(List.of(
                "--server", api.baseUrl(), "--config", folder.resolve("cfg").toString(), "--quiet"));
        all.addAll(List.of(args));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Main.run(all.toArray(String[]::new), new PrintWriter(out, true), new PrintWriter(err, true));
        return new Result(status, out.toString(), err.toString());
    }

    /** {@code lscb login}, with the account's next one-time code when it has a second factor. */
    void signIn() {
        List<String> signIn =
                new ArrayList<>(List.of("login", "--user", login.username(), "--password-file", password.toString()));
        if (api.knowsSecret(login.username())) {
            signIn.addAll(List.of("--otp", api.signInCode(login.username())));
        }
        Result signedIn = run(signIn.toArray(String[]::new));
        assertThat(signedIn.status()).as(signedIn.err()).isZero();
    }

    /** Signs in, makes an EC key with {@code lscb keygen} and enrols it (as the board's key when {@code board}). */
    void setUp(boolean board) {
        signIn();
        assertThat(run("keygen", "--type", "ec", "--key-password-file", keyPassword.toString())
                        .status())
                .isZero();
        Result enrolled = board
                ? run("enrol", "--board", "--key-password-file", keyPassword.toString())
                : run("enrol", "--key-password-file", keyPassword.toString());
        assertThat(enrolled.status()).as(enrolled.err()).isZero();
    }

    /** The key file {@code lscb keygen} wrote: PKCS#12, its password in {@link #keyPassword}. */
    Path keyFile() {
        return folder.resolve("cfg").resolve("key.p12");
    }

    record Result(int status, String out, String err) {}
}
