package org.lscb.client;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(
        name = "recipients",
        mixinStandardHelpOptions = true,
        description = "Show whom a document for the review will be encrypted to, each checked against the pinned CA.")
final class RecipientsCommand implements Callable<Integer> {

    @ParentCommand
    Main main;

    @Parameters(index = "0", description = "the review id")
    String review;

    @Override
    public Integer call() throws Exception {
        for (Recipients.Recipient r : Recipients.of(main, review)) {
            main.out()
                    .println(r.certificate().getSubjectX500Principal().getName() + "  SHA-256 "
                            + LoginCommand.fingerprint(r.certificate()));
        }
        return 0;
    }
}
