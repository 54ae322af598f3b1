package org.lscb.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.RandomAccessFile;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lscb.exchange.envelope.Sealer;

class SendCommandTest {

    @TempDir
    Path dir;

    /** The JDK's AES-GCM stops at 2 GiB: a larger file is refused before the key is read or a byte is sent. */
    @Test
    void aFileLargerThanAnAesGcmEnvelopeHolds_isRefusedBeforeAnythingIsSent() throws Exception {
        Path big = dir.resolve("video.mp4");
        try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
            f.setLength(Sealer.MAX_GCM_DOCUMENT_BYTES + 1); // sparse: takes no disk space
        }
        StringWriter err = new StringWriter();

        // no server listens on port 9 and no key exists: the refusal must come before either is needed
        int status = Main.run(new String[] {"--server", "http://127.0.0.1:9", "--config", dir.resolve("cfg").toString(), "send",
            "a-review", big.toString(), "--type", "IMR"}, new PrintWriter(new StringWriter()), new PrintWriter(err));

        assertThat(status).isEqualTo(1);
        assertThat(err.toString()).contains("AES-256-GCM envelope holds at most").contains("nothing was sent").doesNotContain("Exception");
    }
}
