package org.lscb.client;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.concurrent.Callable;
import org.lscb.envelope.Envelopes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(
        name = "receipt",
        mixinStandardHelpOptions = true,
        description = "Acknowledge that you received a document (the coroner: a joint report).")
final class ReceiptCommand implements Callable<Integer> {

    @ParentCommand
    Main main;

    @Parameters(index = "0", description = "the document id")
    String document;

    @Option(
            names = "--sign",
            paramLabel = "ENVELOPE",
            description =
                    "sign the acknowledgement with your key, over the SHA-256 of the envelope you fetched (lscb fetch); "
                            + "it must be the document's current one")
    Path sign;

    @Mixin
    KeyOptions key;

    @Override
    public Integer call() throws IOException {
        String body = "{}";
        if (sign != null) {
            // what is signed is the hash of the bytes this user holds, never just the hash the server reports
            String held = sha256(sign);
            String current = main.api()
                    .get("/api/v1/documents/" + document)
                    .asJsonObject()
                    .getString("sha256");
            if (!held.equalsIgnoreCase(current)) {
                throw new ClientException(sign + " is not the document's current envelope (sha256 " + held
                        + ", the server's is " + current + "; a grant changes it): fetch it again");
            }
            var me = KeyFile.read(key.file(main.settings()), key.password());
            String signature = Base64.getEncoder()
                    .encodeToString(Envelopes.receiptSignature().sign(me, held));
            body = jakarta.json.Json.createObjectBuilder()
                    .add("signature", signature)
                    .build()
                    .toString();
        }
        var r = main.api()
                .post("/api/v1/documents/" + document + "/receipt", "application/json", body.getBytes())
                .asJsonObject();
        if (sign != null && !r.getBoolean("signed")) {
            throw new ClientException("an unsigned receipt for " + document + " was recorded at "
                    + r.getString("receivedAt") + " and stands; this acknowledgement is not signed");
        }
        main.out()
                .println((r.getBoolean("signed") ? "Signed receipt " : "Receipt ") + r.getString("id") + " recorded at "
                        + r.getString("receivedAt"));
        return 0;
    }

    private static String sha256(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new ClientException("no such file: " + file);
        }
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buf = new byte[64 * 1024];
            int n;
            while ((n = in.read(buf)) >= 0) {
                sha.update(buf, 0, n);
            }
        }
        return HexFormat.of().formatHex(sha.digest());
    }
}
