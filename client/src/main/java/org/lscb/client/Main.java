package org.lscb.client;

import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code lscb}: the command-line client for agencies, reviewers, coroners and boards. Keys stay on this
 * machine; documents are signed and encrypted here and leave only as CMS envelopes.
 */
@Command(
        name = "lscb",
        mixinStandardHelpOptions = true,
        version = "lscb 0.1.0",
        description = "Send, fetch, open and grant LSCB review documents, end to end encrypted.",
        subcommands = {
            LoginCommand.class,
            KeygenCommand.class,
            EnrolCommand.class,
            RecipientsCommand.class,
            SendCommand.class,
            ListCommand.class,
            FetchCommand.class,
            BundleCommand.class,
            OpenCommand.class,
            GrantCommand.class,
            ReceiptCommand.class,
            BoardCommand.class
        })
public final class Main {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    /** Where a command's answer goes (the terminal, or a test's writer). */
    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    @Option(
            names = "--server",
            description = "the server's address (default ${DEFAULT-VALUE}, or LSCB_SERVER)",
            defaultValue = "${env:LSCB_SERVER:-http://127.0.0.1:8080}")
    String server;

    @Option(names = "--config", description = "the client folder (default ~/.config/lscb, or LSCB_CONFIG)")
    Path config;

    @Option(names = "--verbose", description = "print the full error, with its stack trace")
    boolean verbose;

    @Option(names = "--quiet", description = "no progress bars")
    boolean quiet;

    Settings settings() {
        return new Settings(config != null ? config : Settings.defaultFolder());
    }

    ServerApi api() {
        return new ServerApi(server, settings().token().orElse(null));
    }

    Progress progress() {
        return new Progress(quiet);
    }

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs one command; answers its exit status (0 done, 1 refused or failed, 2 wrong usage). */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        Main main = new Main();
        CommandLine cli = new CommandLine(main);
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler((e, commandLine, parsed) -> {
            if (main.verbose) {
                e.printStackTrace(err);
            }
            err.println("lscb: " + sentence(e));
            return 1;
        });
        return cli.execute(args);
    }

    private static String sentence(Throwable e) {
        if (e instanceof ClientException || e instanceof org.lscb.envelope.custody.KeyShareException) {
            return e.getMessage();
        }
        if (e instanceof org.lscb.envelope.EnvelopeOpeningException) {
            return "cannot open the envelope: wrong key, not addressed to you, or damaged (nothing was written)";
        }
        if (e instanceof java.io.IOException
                && e.getMessage() != null
                && e.getMessage().contains("keystore password was incorrect")) {
            return "wrong password for the key file";
        }
        String m = e.getMessage();
        return e.getClass().getSimpleName() + (m == null ? "" : ": " + m.replaceAll("\\p{Cntrl}", " "));
    }
}
