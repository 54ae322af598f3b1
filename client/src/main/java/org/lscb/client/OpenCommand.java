package org.lscb.client;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Callable;
import org.lscb.envelope.Envelopes;
import org.lscb.envelope.OpenedEnvelope;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(
        name = "open",
        mixinStandardHelpOptions = true,
        description =
                "Decrypt and verify an envelope to a file, and say who signed it. A failure leaves no partial file.")
final class OpenCommand implements Callable<Integer> {

    @ParentCommand
    Main main;

    @Mixin
    KeyOptions key;

    @Parameters(index = "0", description = "the envelope (.p7m)")
    Path envelope;

    @Option(names = "--out", description = "where to write the document (default: the envelope's name without .p7m)")
    Path out;

    @Override
    public Integer call() throws Exception {
        if (!Files.isRegularFile(envelope)) {
            throw new ClientException("no such file: " + envelope);
        }
        var ca = main.settings()
                .pinnedCa()
                .orElseThrow(() -> new ClientException("no pinned CA: run 'lscb login' first"));
        Envelopes.prepareCipherFor(Files.size(envelope));
        var me = KeyFile.read(key.file(main.settings()), key.password());
        String name = envelope.getFileName().toString();
        Path target = out != null
                ? out
                : envelope.resolveSibling(name.endsWith(".p7m") ? name.substring(0, name.length() - 4) : name + ".out");
        // opened beside the target and moved over it only once the signer's certificate is known to be active:
        // a document from a revoked signer is not kept, and neither replaces a file already there
        Path unchecked = target.toAbsolutePath().resolveSibling(".unchecked-" + java.util.UUID.randomUUID());
        OpenedEnvelope opened;
        try {
            try (InputStream in =
                    main.progress().reading(Files.newInputStream(envelope), Files.size(envelope), "opening")) {
                opened = Envelopes.opener(me, ca).open(in, unchecked);
            }
            CertificateStatus.requireActive(main, opened.signer(), "the signer's certificate");
            Files.move(unchecked, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(unchecked);
        }
        main.out().println("Opened " + target + " (" + opened.size() + " bytes), signed by " + opened.signedBy());
        return 0;
    }
}
