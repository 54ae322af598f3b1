package org.lscb.client;

import java.util.Base64;
import java.util.concurrent.Callable;
import org.lscb.exchange.envelope.Envelopes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "receipt", mixinStandardHelpOptions = true, description = "Acknowledge that you received a document (the coroner: a joint report).")
final class ReceiptCommand implements Callable<Integer> {

    @ParentCommand
    Main main;

    @Parameters(index = "0", description = "the document id")
    String document;

    @Option(names = "--sign", description = "sign the acknowledgement with your key: a detached signature over the document's SHA-256")
    boolean sign;

    @Mixin
    KeyOptions key;

    @Override
    public Integer call() {
        String body = "{}";
        if (sign) {
            var me = KeyFile.read(key.file(main.settings()), key.password());
            String sha256 = main.api().get("/api/v1/documents/" + document).asJsonObject().getString("sha256");
            String signature = Base64.getEncoder().encodeToString(Envelopes.receiptSignature().sign(me, sha256));
            body = jakarta.json.Json.createObjectBuilder().add("signature", signature).build().toString();
        }
        var r = main.api().post("/api/v1/documents/" + document + "/receipt", "application/json", body.getBytes()).asJsonObject();
        main.out().println((r.getBoolean("signed") ? "Signed receipt " : "Receipt ") + r.getString("id") + " recorded at " + r.getString("receivedAt"));
        return 0;
    }
}
