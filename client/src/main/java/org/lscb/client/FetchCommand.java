package org.lscb.client;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(
        name = "fetch",
        mixinStandardHelpOptions = true,
        description = "Download a document's envelope (still encrypted); 'open' decrypts it.")
final class FetchCommand implements Callable<Integer> {

    @ParentCommand
    Main main;

    @Parameters(index = "0", description = "the document id")
    String document;

    @Option(names = "--out", description = "where to write it (default: <id>.p7m)")
    Path out;

    @Override
    public Integer call() {
        Path target = out != null ? out : Path.of(document.replaceAll("[^A-Za-z0-9-]", "") + ".p7m");
        long n = main.api().download("/api/v1/documents/" + document + "/content", target, main.progress());
        main.out().println("Fetched " + n + " bytes to " + target);
        return 0;
    }
}
