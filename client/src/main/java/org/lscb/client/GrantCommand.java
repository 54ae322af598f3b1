package org.lscb.client;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.lscb.envelope.Envelopes;
import org.lscb.envelope.Identity;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(
        name = "grant",
        mixinStandardHelpOptions = true,
        description =
                "Give everyone the review now entitles, but the document is not yet encrypted to, access to it "
                        + "(the board's officers, with the board key, after a late appointment). The content is not re-encrypted.")
final class GrantCommand implements Callable<Integer> {

    @ParentCommand
    Main main;

    @Mixin
    KeyOptions key;

    @Parameters(index = "0", description = "the document id")
    String document;

    @Override
    public Integer call() throws Exception {
        var holder = KeyFile.read(key.file(main.settings()), key.password());
        ServerApi api = main.api();
        JsonObject meta = api.get("/api/v1/documents/" + document).asJsonObject();
        Set<String> already = meta.getJsonArray("recipients").getValuesAs(JsonString.class).stream()
                .map(JsonString::getString)
                .collect(Collectors.toSet());
        var newcomers = Recipients.of(main, meta.getString("reviewId"), meta.getString("type")).stream()
                .filter(r -> !already.contains(r.id()))
                .toList();
        if (newcomers.isEmpty()) {
            main.out().println("Everyone the review entitles can already open " + document);
            return 0;
        }
        addRecipients(
                main,
                holder,
                document,
                newcomers.stream().map(Recipients.Recipient::certificate).toList());
        main.out()
                .println("Granted " + document + " to "
                        + String.join(
                                ", ",
                                newcomers.stream()
                                        .map(r -> r.certificate()
                                                .getSubjectX500Principal()
                                                .getName())
                                        .toList()));
        return 0;
    }

    /**
     * Adds {@code to} to the document's recipients with {@code holder}'s key, which must be one it is sealed to: the
     * envelope is fetched, the content key unwrapped and wrapped anew for each, and only the new recipient entries go
     * back. The content is not re-encrypted.
     */
    static void addRecipients(Main main, Identity holder, String document, List<X509Certificate> to) throws Exception {
        ServerApi api = main.api();
        Path envelope = Files.createTempFile("lscb-grant-", ".p7m");
        try {
            api.download("/api/v1/documents/" + document + "/content", envelope, main.progress());
            byte[] grant;
            try (var in = Files.newInputStream(envelope)) {
                grant = Envelopes.granter(holder).grant(in, to);
            }
            api.post("/api/v1/documents/" + document + "/recipients", "application/octet-stream", grant);
        } finally {
            Files.deleteIfExists(envelope);
        }
    }
}
