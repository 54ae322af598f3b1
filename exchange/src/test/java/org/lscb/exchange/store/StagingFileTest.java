package org.lscb.exchange.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The staging file holds exactly the bytes written, with their hash, on either write path and at every block boundary. */
class StagingFileTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource({
        "0,DIRECT",
        "1,DIRECT",
        "4095,DIRECT",
        "4096,DIRECT",
        "4097,DIRECT",
        "1048575,DIRECT",
        "1048576,DIRECT",
        "1048577,DIRECT",
        "3670027,DIRECT",
        "0,PAGE_CACHE",
        "1,PAGE_CACHE",
        "65535,PAGE_CACHE",
        "65536,PAGE_CACHE",
        "65537,PAGE_CACHE",
        "1048577,PAGE_CACHE",
        "3670027,PAGE_CACHE"
    })
    void contentHashAndSize_areWhatWasWritten(int length, BlobStore.Staging mode) throws Exception {
        byte[] data = random(length);
        Path file = dir.resolve(UUID.randomUUID() + ".part");
        try (StagingFile out = new StagingFile(file, mode, StagingBlocks.SHARED)) {
            Random sizes = new Random(5);
            int at = 0;
            while (at < length) {
                int n = Math.min(length - at, 1 + sizes.nextInt(300_000));
                out.write(data, at, n);
                at += n;
            }
            out.finish();

            assertThat(out.size()).isEqualTo(length);
            assertThat(out.sha256())
                    .isEqualTo(HexFormat.of()
                            .formatHex(MessageDigest.getInstance("SHA-256").digest(data)));
            if (mode == BlobStore.Staging.PAGE_CACHE) {
                assertThat(out.direct()).isFalse();
            }
        }
        assertThat(Files.readAllBytes(file)).isEqualTo(data);
    }

    @org.junit.jupiter.api.Test
    void onExt4OrXfs_directStaging_bypassesThePageCache() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(
                java.util.Set.of("ext4", "xfs").contains(Files.getFileStore(dir).type()));
        try (StagingFile out = new StagingFile(dir.resolve("direct.part"), BlobStore.Staging.DIRECT)) {
            assertThat(out.direct()).isTrue();
        }
    }

    @org.junit.jupiter.api.Test
    void pageCacheStaging_syncsWhileTheBodyArrives_andDirectStagingDoesNot() throws Exception {
        int length = (int) (2 * StagingFile.EARLY_SYNC_BYTES + 12_345);
        byte[] chunk = random(StagingFile.BLOCK_BYTES);
        for (BlobStore.Staging mode : BlobStore.Staging.values()) {
            Path file = dir.resolve(mode + ".part");
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            // the page cache is never judged slow here, whatever this machine's load: a bypassed block starts no early
            // sync
            try (StagingFile out = new StagingFile(file, mode, StagingBlocks.SHARED, cpuNanos -> false)) {
                for (int at = 0; at < length; at += chunk.length) {
                    int n = Math.min(chunk.length, length - at);
                    out.write(chunk, 0, n);
                    sha.update(chunk, 0, n);
                }
                out.finish();

                // the first early sync always starts once 64 MiB are written; later ones only when the last one is done
                if (mode == BlobStore.Staging.PAGE_CACHE) {
                    assertThat(out.earlySyncs()).isBetween(1, 2);
                } else if (out.direct()) {
                    assertThat(out.earlySyncs()).isZero();
                }
                assertThat(out.sha256()).isEqualTo(HexFormat.of().formatHex(sha.digest()));
            }
            assertThat(Files.size(file)).isEqualTo(length);
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void whenThePageCacheIsSlow_theRestOfTheFileBypassesIt_andTheFileHoldsExactlyItsBytes(boolean slow)
            throws Exception {
        int length = 7 * StagingFile.BLOCK_BYTES + 12_345;
        byte[] data = random(length);
        Path file = dir.resolve("slow-" + slow + ".part");
        boolean directHere =
                java.util.Set.of("ext4", "xfs").contains(Files.getFileStore(dir).type());
        // every block counts as slow, or none does: the test decides, not the machine's load
        try (StagingFile out =
                new StagingFile(file, BlobStore.Staging.PAGE_CACHE, StagingBlocks.SHARED, cpuNanos -> slow)) {
            for (int at = 0; at < length; at += 100_000) {
                out.write(data, at, Math.min(100_000, length - at));
            }
            out.finish();

            assertThat(out.direct()).isFalse();
            assertThat(out.bypassed()).isEqualTo(slow && directHere);
            assertThat(out.sha256())
                    .isEqualTo(HexFormat.of()
                            .formatHex(MessageDigest.getInstance("SHA-256").digest(data)));
        }
        assertThat(Files.readAllBytes(file)).isEqualTo(data);
    }

    @ParameterizedTest
    @CsvSource({"SSSFSSSFSSS,false", "FSSSS,true", "SSSS,true", "SSS,false"})
    void theBypass_isTakenAfterFourSlowBlocksInARow_only(String blocks, boolean taken) throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(
                java.util.Set.of("ext4", "xfs").contains(Files.getFileStore(dir).type()));
        Path file = Files.createFile(dir.resolve("pattern.part"));
        java.util.Iterator<Character> verdicts =
                blocks.chars().mapToObj(c -> (char) c).iterator();
        try (PageCacheBypass bypass = new PageCacheBypass(
                file, (int) Files.getFileStore(dir).getBlockSize(), cpuNanos -> verdicts.next() == 'S')) {
            for (int i = 0; i < blocks.length(); i++) {
                bypass.blockWritten(0);
            }
            assertThat(bypass.taken()).isEqualTo(taken);
        }
    }

    @org.junit.jupiter.api.Test
    void theStagingSetting_isPageCacheOrDirect_andNothingElse() {
        assertThat(BlobStore.Staging.of("page-cache")).isEqualTo(BlobStore.Staging.PAGE_CACHE);
        assertThat(BlobStore.Staging.of(" direct ")).isEqualTo(BlobStore.Staging.DIRECT);
        assertThatThrownBy(() -> BlobStore.Staging.of("cache"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("page-cache or direct");
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.EnumSource(BlobStore.Staging.class)
    void theHash_isOnlyThereOnceFinished(BlobStore.Staging mode) throws Exception {
        try (StagingFile out = new StagingFile(dir.resolve("x.part"), mode, StagingBlocks.SHARED)) {
            out.write(new byte[10]);
            assertThatThrownBy(out::sha256).isInstanceOf(IllegalStateException.class);
        }
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.EnumSource(BlobStore.Staging.class)
    void withOneSharedBlock_manyFilesAtOnce_eachHoldsItsBytes_andEveryBlockComesBack(BlobStore.Staging mode)
            throws Exception {
        StagingBlocks one = new StagingBlocks(1);
        java.util.List<java.util.concurrent.Future<Void>> files = new java.util.ArrayList<>();
        java.util.concurrent.ExecutorService uploads = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            for (int i = 0; i < 4; i++) {
                int length = 2_500_000 + i * 100_003;
                files.add(uploads.submit(() -> {
                    byte[] data = random(length);
                    Path file = dir.resolve(UUID.randomUUID() + ".part");
                    try (StagingFile out = new StagingFile(file, mode, one)) {
                        for (int at = 0; at < length; at += 65_536) {
                            out.write(data, at, Math.min(65_536, length - at));
                        }
                        out.finish();
                        assertThat(out.sha256())
                                .isEqualTo(HexFormat.of()
                                        .formatHex(MessageDigest.getInstance("SHA-256")
                                                .digest(data)));
                    }
                    assertThat(Files.readAllBytes(file)).isEqualTo(data);
                    return null;
                }));
            }
            for (var f : files) {
                f.get(60, java.util.concurrent.TimeUnit.SECONDS);
            }
        } finally {
            uploads.shutdownNow();
        }
        assertThat(one.out()).isZero();
    }

    @org.junit.jupiter.api.Test
    void theSharedBlocks_neverExceedTheirNumber_andAWaitingTakerGetsOneWhenItIsGivenBack() throws Exception {
        StagingBlocks two = new StagingBlocks(2);
        java.nio.ByteBuffer a = two.take();
        java.nio.ByteBuffer b = two.tryTake();

        assertThat(two.tryTake()).isNull();
        assertThat(a.isDirect()).isTrue();
        assertThat(a.capacity()).isEqualTo(StagingFile.BLOCK_BYTES);
        assertThat(a.alignmentOffset(0, StagingBlocks.ALIGNMENT)).isZero();
        java.util.concurrent.CompletableFuture<java.nio.ByteBuffer> waiting =
                java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                    try {
                        return two.take();
                    } catch (java.io.InterruptedIOException e) {
                        throw new IllegalStateException(e);
                    }
                });
        Thread.sleep(100);
        assertThat(waiting).isNotDone();
        two.give(b);
        assertThat(waiting.get(10, java.util.concurrent.TimeUnit.SECONDS)).isSameAs(b);
        assertThat(two.out()).isEqualTo(2);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 5_000_000})
    void blobStore_stagesAndCommits_underTheHash(int length) throws Exception {
        byte[] data = random(length);
        DirectoryBlobStore store = new DirectoryBlobStore(dir.resolve("blobs"));

        BlobStore.Staged staged = store.stage(new ByteArrayInputStream(data), 10_000_000, in -> in);
        StoredBlob blob = store.commit(staged);
        // the same bytes again: kept once, the second copy removed without waiting for it
        StoredBlob again = store.commit(store.stage(new ByteArrayInputStream(data), 10_000_000, in -> in));

        assertThat(blob.sha256())
                .isEqualTo(HexFormat.of()
                        .formatHex(MessageDigest.getInstance("SHA-256").digest(data)));
        assertThat(Files.readAllBytes(store.pathOf(blob.sha256()))).isEqualTo(data);
        assertThat(again.sha256()).isEqualTo(blob.sha256());
        assertThat(Files.exists(staged.file())).isFalse();
    }

    @ParameterizedTest
    @ValueSource(ints = {1_000_001})
    void aBodyOverTheCap_isRefused_andLeavesNothing(int length) throws Exception {
        DirectoryBlobStore store = new DirectoryBlobStore(dir.resolve("blobs"));

        assertThatThrownBy(() -> store.stage(new ByteArrayInputStream(random(length)), 1_000_000, in -> in))
                .isInstanceOf(TooLargeException.class);
        try (var left = Files.list(dir.resolve("blobs").resolve(".incoming"))) {
            assertThat(left).isEmpty();
        }
    }

    private static byte[] random(int n) {
        byte[] b = new byte[n];
        new Random(n).nextBytes(b);
        return b;
    }
}
