package org.lscb.client;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(
        name = "bundle",
        mixinStandardHelpOptions = true,
        description = "Download the review's documents you can open, as a zip of envelopes with manifest.json.")
final class BundleCommand implements Callable<Integer> {

    @ParentCommand
    Main main;

    @Parameters(index = "0", description = "the review id")
    String review;

    @Option(names = "--out", description = "where to write it (default: review-<id>.zip)")
    Path out;

    @Override
    public Integer call() {
        Path target = out != null ? out : Path.of("review-" + review.replaceAll("[^A-Za-z0-9-]", "") + ".zip");
        long n = main.api().download("/api/v1/reviews/" + review + "/bundle", target, main.progress());
        main.out().println("Fetched " + n + " bytes to " + target);
        return 0;
    }
}
