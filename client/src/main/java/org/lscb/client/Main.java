package org.lscb.client;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
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
        description = "Send, fetch, open and grant LSCB review documents, end to end encrypted.")
public final class Main {

    /**
     * The commands by name, in the order the usage lists them. They are added to the command line when it is built
     * rather than named in the annotation: picocli reads a command's annotations by reflection when it is added, and
     * reading all of them was most of a short command's start-up, so only the command asked for is added.
     */
    static final Map<String, Class<?>> COMMANDS = commands(
            "login", LoginCommand.class,
            "keygen", KeygenCommand.class,
            "enrol", EnrolCommand.class,
            "recipients", RecipientsCommand.class,
            "send", SendCommand.class,
            "list", ListCommand.class,
            "fetch", FetchCommand.class,
            "bundle", BundleCommand.class,
            "open", OpenCommand.class,
            "grant", GrantCommand.class,
            "receipt", ReceiptCommand.class,
            "board", BoardCommand.class);

    /** Main's own options that take a value: what follows them is not a command's name. */
    private static final Set<String> VALUED_OPTIONS = Set.of("--server", "--config");

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
        String named = commandNamed(args);
        if (named != null) {
            cli.addSubcommand(named, COMMANDS.get(named));
        } else {
            // no command, or an unknown one: all of them, for the usage and picocli's suggestions
            COMMANDS.forEach(cli::addSubcommand);
        }
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

    /** The command the arguments name, if any: the first argument that is neither an option nor an option's value. */
    static String commandNamed(String[] args) {
        for (int i = 0; i < args.length; i++) {
            if (VALUED_OPTIONS.contains(args[i])) {
                i++;
            } else if (!args[i].startsWith("-")) {
                return COMMANDS.containsKey(args[i]) ? args[i] : null;
            }
        }
        return null;
    }

    /**
     * Name, class, name, class, ...: each command under the name its {@code @Command} annotation gives it (MainTest
     * holds them equal); reading the annotations here would cost the start-up what adding one command saves.
     */
    private static Map<String, Class<?>> commands(Object... namesAndClasses) {
        Map<String, Class<?>> byName = new LinkedHashMap<>();
        for (int i = 0; i < namesAndClasses.length; i += 2) {
            byName.put((String) namesAndClasses[i], (Class<?>) namesAndClasses[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(byName);
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
