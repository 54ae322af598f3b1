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
import org.lscb.envelope.Envelopes;
import org.lscb.envelope.Identity;
import org.lscb.envelope.Sealer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(
        name = "send",
        mixinStandardHelpOptions = true,
        description = {
            "Sign and encrypt to the review's recipients of that type of document, then upload with the envelope's Content-Digest (RFC 9530), "
                    + "which the server checks.",
            "The envelope (ciphertext only, never the plaintext) is staged in a temporary file readable by you alone, "
                    + "removed whatever happens."
        })
final class SendCommand implements Callable<Integer> {

    @ParentCommand
    Main main;

    @Mixin
    KeyOptions key;

    @Parameters(index = "0", description = "the review id")
    String review;

    @Parameters(index = "1", description = "the file to send")
    Path file;

    @Option(
            names = "--type",
            required = true,
            description = "IMR, CHRONOLOGY, CORONER_JOINT_REPORT, DRAFT_REPORT, ... (see the API)")
    String type;

    @Option(names = "--title", description = "a title (default: the file's name)")
    String title;

    @Option(
            names = "--temp-dir",
            description = "where the envelope is staged before it is sent; it needs room for about the file's size "
                    + "(default: the system's temporary folder, ${sys:java.io.tmpdir})")
    Path tempDir;

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
        Path staging = stagingFolder(size); // said before the key is read, as the size is
        Envelopes.prepareCipherFor(size);
        // the review's recipients are fetched while the key is decrypted: neither needs the other
        CompletableFuture<List<Recipients.Recipient>> fetching =
                CompletableFuture.supplyAsync(() -> Recipients.of(main, review, type));
        Identity me = KeyFile.read(key.file(main.settings()), key.password());
        Envelopes.prepareToSeal(me); // while the server is asked about the certificates
        CertificateStatus.requireActive(main, me.certificate(), "your certificate");
        var recipients =
                joined(fetching).stream().map(Recipients.Recipient::certificate).toList();
        var sealer = Envelopes.sealer(me, recipients);
        String name = title != null ? title : file.getFileName().toString();
        String path = "/api/v1/reviews/" + review + "/documents?type=" + URLEncoder.encode(type, StandardCharsets.UTF_8)
                + "&title=" + URLEncoder.encode(name, StandardCharsets.UTF_8);
        JsonObject answer;
        // the digest goes in a header, before the body, so the envelope is sealed in full before it is sent
        try (StagedEnvelope envelope = stage(staging)) {
            try (InputStream in = main.progress().reading(Files.newInputStream(file), size, "sealing")) {
                envelope.write(out -> sealer.seal(in, out));
            } catch (java.io.IOException e) {
                throw new ClientException(
                        "cannot seal " + file + " into " + staging + ": " + e.getMessage() + "; nothing was sent", e);
            }
            try (InputStream in = main.progress().reading(envelope.content(), envelope.size(), "sending")) {
                answer = main.api()
                        .postWithDigest(path, "application/pkcs7-mime", envelope.contentDigest(), in)
                        .asJsonObject();
            }
        }
        main.out()
                .println("Sent " + answer.getString("id") + " ("
                        + answer.getJsonArray("recipients").size() + " recipients, sha256 " + answer.getString("sha256")
                        + ")");
        return 0;
    }

    /** The folder for the staged envelope, which must have room for that of a {@code size}-byte file (a little larger). */
    private Path stagingFolder(long size) {
        Path folder = tempDir != null ? tempDir : Path.of(System.getProperty("java.io.tmpdir"));
        long needs = size + (1 << 20);
        long room;
        try {
            room = Files.getFileStore(folder).getUsableSpace();
        } catch (java.io.IOException e) {
            throw new ClientException(
                    "cannot stage the envelope in " + folder + ": " + e.getMessage()
                            + "; choose another folder with --temp-dir; nothing was sent",
                    e);
        }
        if (room < needs) {
            throw new ClientException("not enough room in " + folder + " to stage the envelope (about " + needs
                    + " bytes): choose another folder with --temp-dir; nothing was sent");
        }
        return folder;
    }

    private static StagedEnvelope stage(Path folder) {
        try {
            return StagedEnvelope.in(folder);
        } catch (java.io.IOException e) {
            throw new ClientException(
                    "cannot stage the envelope in " + folder + ": " + e.getMessage()
                            + "; choose another folder with --temp-dir; nothing was sent",
                    e);
        }
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
