package org.lscb.exchange.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sweep of a blob folder that several servers may share (docs/operations.md "Several servers"). */
class BlobSweeperTest {

    @TempDir
    Path dir;

    @Test
    void atStartUp_onlyThisServersTemporaryFilesGo_anotherServersWaitForTheGracePeriod() throws Exception {
        DirectoryBlobStore store = new DirectoryBlobStore(dir);
        Path incoming = dir.resolve(".incoming");
        Path own = Files.writeString(incoming.resolve(BlobStore.STAGED_BY + "a.part"), "partial");
        Path others = Files.writeString(incoming.resolve("another-host~b.part"), "in flight elsewhere");

        assertThat(store.sweep(true, sha -> true, Instant.now()).temporary()).isEqualTo(1);

        assertThat(own).doesNotExist();
        assertThat(others).exists();
        assertThat(store.sweep(
                                false,
                                sha -> true,
                                Instant.now().plus(BlobSweeper.GRACE).plusSeconds(60))
                        .temporary())
                .isEqualTo(1);
        assertThat(others).doesNotExist();
    }

    @Test
    void aStagedBody_isNamedForThisServer() throws Exception {
        DirectoryBlobStore store = new DirectoryBlobStore(dir);

        BlobStore.Staged staged = store.stage(new ByteArrayInputStream(new byte[10]), 100, in -> in);

        assertThat(staged.file().getFileName().toString())
                .startsWith(BlobStore.STAGED_BY)
                .endsWith(".part");
        store.discard(staged);
    }

    @Test
    void aFolderWhoseNameBeginsWithADot_isPassedOver_evenWhenItsFilesAreNamedLikeBlobs() throws Exception {
        DirectoryBlobStore store = new DirectoryBlobStore(dir);
        // where the library keeps published files when they share the blobs' folder
        Path published = Files.createDirectories(dir.resolve(".library")).resolve("ef".repeat(32));
        Files.writeString(published, "a published report");
        Path orphan = Files.createDirectories(dir.resolve("ab")).resolve("ab".repeat(32));
        Files.writeString(orphan, "ciphertext no document names");
        Instant later = Instant.now().plus(BlobSweeper.GRACE).plusSeconds(60);

        assertThat(store.sweep(false, sha -> false, later).orphans()).isEqualTo(1);

        assertThat(orphan).doesNotExist();
        assertThat(published).exists();
    }
}
