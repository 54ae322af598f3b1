package org.lscb.client;

import jakarta.json.JsonObject;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.lscb.exchange.envelope.Envelopes;
import org.lscb.exchange.envelope.Identity;
import org.lscb.exchange.envelope.Sealer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "send", mixinStandardHelpOptions = true,
        description = "Sign, encrypt to the review's recipients and upload, as one stream.")
final class SendCommand implements Callable<Integer> {

    @ParentCommand
    Main main;

    @Mixin
    KeyOptions key;

    @Parameters(index = "0", description = "the review id")
    String review;

    @Parameters(index = "1", description = "the file to send")
    Path file;

    @Option(names = "--type", required = true, description = "IMR, CHRONOLOGY, CORONER_JOINT_REPORT, DRAFT_REPORT, ... (see the API)")
    String type;

    @Option(names = "--title", description = "a title (default: the file's name)")
    String title;

    @Override
    public Integer call() throws Exception {
        if (!Files.isRegularFile(file)) {
            throw new ClientException("no such file: " + file);
        }
        long size = Files.size(file);
        if (size > Sealer.MAX_GCM_DOCUMENT_BYTES) {
            // said before anything is read or sent: the envelope would fail after 2 GiB had gone up
            throw new ClientException(file + " is " + size + " bytes; an AES-256-GCM envelope holds at most "
                    + Sealer.MAX_GCM_DOCUMENT_BYTES + " (the JDK's limit): nothing was sent");
        }
        // the review's recipients are fetched while the key is decrypted (0.3-0.6 s in a fresh JVM): neither needs the other
        CompletableFuture<List<Recipients.Recipient>> fetching = CompletableFuture.supplyAsync(() -> Recipients.of(main, review));
        Identity me = KeyFile.read(key.file(main.settings()), key.password());
        Envelopes.prepareToSeal(me); // while the server is asked about the certificates
        CertificateStatus.requireActive(main, me.certificate(), "your certificate");
        var recipients = joined(fetching).stream().map(Recipients.Recipient::certificate).toList();
        var sealer = Envelopes.sealer(me, recipients);
        String name = title != null ? title : file.getFileName().toString();
        String path = "/api/v1/reviews/" + review + "/documents?type=" + URLEncoder.encode(type, StandardCharsets.UTF_8) + "&title="
                + URLEncoder.encode(name, StandardCharsets.UTF_8);
        JsonObject answer = main.api().postStream(path, "application/pkcs7-mime", out -> {
            try (InputStream in = main.progress().reading(Files.newInputStream(file), size, "sending")) {
                sealer.seal(in, out);
            }
        }).asJsonObject();
        main.out().println("Sent " + answer.getString("id") + " (" + answer.getJsonArray("recipients").size() + " recipients, sha256 "
                + answer.getString("sha256") + ")");
        return 0;
    }

    private static <T> T joined(CompletableFuture<T> f) {
        try {
            return f.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
    }
}
