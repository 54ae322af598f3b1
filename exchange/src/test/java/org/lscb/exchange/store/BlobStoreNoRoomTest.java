package org.lscb.exchange.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/security.md F3: a write that fails while the disk is out of room is refused as insufficient storage, found by the
 * room left on the disk rather than by what the operating system's message says; any other failure stays what it is.
 */
class BlobStoreNoRoomTest {

    @TempDir
    Path dir;

    /** The room the store sees on its disk: plenty until a test says otherwise. */
    private final java.util.concurrent.atomic.AtomicLong room =
            new java.util.concurrent.atomic.AtomicLong(Long.MAX_VALUE);

    @Test
    void aFailedWriteOnAFullDisk_isInsufficientStorage_withTheFailureAsItsCause() throws Exception {
        DirectoryBlobStore store = new DirectoryBlobStore(dir, BlobStore.Staging.PAGE_CACHE, room::get);
        BlobStore.Staged staged = store.stage(new ByteArrayInputStream(new byte[1000]), 10_000, in -> in);
        Files.createFile(
                dir.resolve(staged.sha256().substring(0, 2))); // the blob's folder cannot be made: its write fails
        room.set(4096L);

        assertThatThrownBy(() -> store.commit(staged))
                .isInstanceOf(InsufficientStorageException.class)
                .hasRootCauseInstanceOf(java.nio.file.FileAlreadyExistsException.class);
    }

    @Test
    void aFailedWriteWithRoomLeft_isTheFailureItself() throws Exception {
        DirectoryBlobStore store = new DirectoryBlobStore(dir, BlobStore.Staging.PAGE_CACHE, room::get);
        BlobStore.Staged staged = store.stage(new ByteArrayInputStream(new byte[1000]), 10_000, in -> in);
        Files.createFile(dir.resolve(staged.sha256().substring(0, 2)));
        room.set(BlobStore.NO_ROOM_BELOW);

        assertThatThrownBy(() -> store.commit(staged)).isInstanceOf(java.nio.file.FileAlreadyExistsException.class);
    }

    @Test
    void belowTheReserve_aFailedWriteIsInsufficientStorage() throws Exception {
        DirectoryBlobStore store = new DirectoryBlobStore(dir, BlobStore.Staging.PAGE_CACHE, room::get);
        BlobStore.Staged staged = store.stage(new ByteArrayInputStream(new byte[1000]), 10_000, in -> in);
        Files.createFile(dir.resolve(staged.sha256().substring(0, 2)));
        store.keepFree(BlobStore.NO_ROOM_BELOW * 4);
        room.set(BlobStore.NO_ROOM_BELOW * 2);

        assertThatThrownBy(() -> store.commit(staged)).isInstanceOf(InsufficientStorageException.class);
    }

    @Test
    void aWriterThatFailsOnItsOwn_onAFullDisk_isNotTakenForAFullDisk() throws Exception {
        // what the writer reads (an upload's body) can fail however full the disk is: only its writes are the disk's
        DirectoryBlobStore store = new DirectoryBlobStore(dir, BlobStore.Staging.PAGE_CACHE, room::get);
        room.set(0L);

        assertThatThrownBy(() -> store.stageWritten(out -> {
                    out.write(new byte[100]);
                    throw new IOException("the sender went away");
                }))
                .isExactlyInstanceOf(IOException.class)
                .hasMessage("the sender went away");
        assertThatThrownBy(() -> store.stageWritten(out -> {
                    throw new java.io.UncheckedIOException(new IOException("the sender went away"));
                }))
                .isExactlyInstanceOf(java.io.UncheckedIOException.class);
        try (Stream<Path> files = Files.list(dir.resolve(".incoming"))) {
            assertThat(files.toList()).isEmpty();
        }
    }

    @Test
    void belowTheReserve_nothingIsStagedAtAll() throws Exception {
        DirectoryBlobStore store = new DirectoryBlobStore(dir, BlobStore.Staging.PAGE_CACHE, room::get);
        store.keepFree(1 << 20);
        room.set(1000L);

        assertThatThrownBy(() -> store.stage(new ByteArrayInputStream(new byte[10]), 100, in -> in))
                .isInstanceOf(InsufficientStorageException.class);
        assertThatThrownBy(() -> store.stageWritten(out -> out.write(1)))
                .isInstanceOf(InsufficientStorageException.class);
        try (Stream<Path> files = Files.list(dir.resolve(".incoming"))) {
            assertThat(files.toList()).isEmpty();
        }
    }
}
