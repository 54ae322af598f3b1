package org.lscb.client;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "receipt", mixinStandardHelpOptions = true, description = "Acknowledge that you received a document (the coroner: a joint report).")
final class ReceiptCommand implements Callable<Integer> {

    @ParentCommand
    Main main;

    @Parameters(index = "0", description = "the document id")
    String document;

    @Override
    public Integer call() {
        var r = main.api().post("/api/v1/documents/" + document + "/receipt", "application/json", "{}".getBytes()).asJsonObject();
        main.out().println("Receipt " + r.getString("id") + " recorded at " + r.getString("receivedAt"));
        return 0;
    }
}
