package org.lscb.client;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(
        name = "recipients",
        mixinStandardHelpOptions = true,
        description = "Show whom a document of a type for the review will be encrypted to, each checked against the"
                + " pinned CA.")
final class RecipientsCommand implements Callable<Integer> {

    @ParentCommand
    Main main;

    @Parameters(index = "0", description = "the review id")
    String review;

    @picocli.CommandLine.Option(
            names = "--type",
            description = "the kind of document, as for send (default OTHER): the coroner, for one, receives only"
                    + " CORONER_JOINT_REPORT and CASE_DISCUSSION_RECORD")
    String type;

    @Override
    public Integer call() throws Exception {
        for (Recipients.Recipient r : Recipients.of(main, review, type)) {
            main.out()
                    .println(r.certificate().getSubjectX500Principal().getName() + "  SHA-256 "
                            + LoginCommand.fingerprint(r.certificate()));
        }
        return 0;
    }
}
