package org.lscb.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine.Command;

/** Main adds only the command asked for; what a user sees of the command line is the same as with all of them. */
class MainTest {

    @TempDir
    Path folder;

    @Test
    void everyCommandIsListedUnderItsAnnotatedName_inTheUsageWhenNoneIsNamed() {
        assertThat(Main.COMMANDS).hasSize(12);
        Main.COMMANDS.forEach(
                (name, c) -> assertThat(c.getAnnotation(Command.class).name()).isEqualTo(name));
        Result usage = run("--help");
        assertThat(usage.status()).isZero();
        assertThat(usage.out()).contains(Main.COMMANDS.keySet().toArray(String[]::new));
    }

    @Test
    void theCommandIsFoundAfterMainsOptions_notInTheirValues() {
        assertThat(Main.commandNamed(new String[] {"--server", "list", "--config", "send", "--quiet", "keygen", "-x"}))
                .isEqualTo("keygen");
        assertThat(Main.commandNamed(new String[] {"--server=http://x", "open", "send"}))
                .isEqualTo("open");
        assertThat(Main.commandNamed(new String[] {"--verbose"})).isNull();
        assertThat(Main.commandNamed(new String[] {"sned", "send"})).isNull();
    }

    @Test
    void aCommandAddedAlone_getsMainsOptions_asItsParent() throws Exception {
        // keygen writes to the client folder given to Main: the @ParentCommand link holds for a command added alone
        Path password = Files.writeString(folder.resolve("pw"), "a password long enough");
        Result made = run(
                "--config", folder.toString(), "keygen", "--type", "ec", "--key-password-file", password.toString());
        assertThat(made.status()).as(made.err()).isZero();
        assertThat(folder.resolve("key.p12")).exists();
    }

    @Test
    void anUnknownCommand_isRefusedWithASuggestion_asBefore() {
        Result wrong = run("sned", "x");
        assertThat(wrong.status()).isEqualTo(2);
        assertThat(wrong.err()).contains("sned").contains("send");
    }

    private record Result(int status, String out, String err) {}

    private static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Result(status, out.toString(), err.toString());
    }
}
