package org.lscb.bench;

import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * How a host makes 1 GiB durable, by the ways a blob could be staged: the measurement behind the exchange's
 * {@code StagingFile} and its setting {@code DOCUMENTS_STAGING}, to be repeated on a deployment's own host.
 * Each way writes 1 GiB from 1 MiB blocks and ends with an {@code fsync}, as a blob does before its metadata
 * commits: with {@code O_DIRECT} ({@code direct}), through the page cache in 1 MiB writes, and as staging does
 * by default, in 64 KiB writes with an {@code fdatasync} every 64 MiB beside them. {@code Files.copy} of the
 * same bytes is the upload benchmark's reference.
 *
 * <p>Each is measured twice: with <em>recent</em> free memory (a 1 GiB file deleted just before, as the upload
 * benchmark's reference copy starts right after the plaintext is deleted) and with <em>settled</em> free
 * memory (the same, then a pause). On a VM whose balloon reports free pages to the host, pages freed a second
 * or two ago have gone back to the host and cost much more to fill; on ordinary hosts both columns agree.
 *
 * <p>Usage: {@code benchmarks/disk/run.sh [folder] [rounds]} (the folder's file system is the one measured;
 * it needs 3 GiB free).
 */
public final class DiskProbe {

    private static final int BLOCK = 1 << 20;
    private static final long SIZE = 1L << 30;
    private static final long EARLY_SYNC_EVERY = 64L << 20;
    private static final int SMALL_WRITE = 64 << 10;
    private static final long SETTLE_MILLIS = 4000;

    private DiskProbe() {}

    public static void main(String[] args) throws Exception {
        Path folder = Files.createTempDirectory(
                args.length > 0 ? Path.of(args[0]) : Path.of(System.getProperty("java.io.tmpdir")), "disk-probe");
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        Path source = folder.resolve("source.bin");
        Path target = folder.resolve("target.bin");
        Path filler = folder.resolve("filler.bin");
        ByteBuffer block =
                ByteBuffer.allocateDirect(BLOCK + 4096).alignedSlice(4096).limit(BLOCK);
        byte[] random = new byte[BLOCK];
        new SplittableRandom(13).nextBytes(random);
        block.put(random).flip();
        write(source, block, false, BLOCK, 0);
        ExecutorService syncer = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "early-sync");
            t.setDaemon(true);
            return t;
        });
        Map<String, List<double[]>> results = new LinkedHashMap<>();
        String[] ways = {"Files.copy", "direct", "page cache", "page cache, 64 KiB writes, early syncs"};
        try {
            for (int r = 0; r < rounds; r++) {
                for (boolean settled : new boolean[] {false, true}) {
                    for (String way : ways) {
                        write(filler, block, false, BLOCK, 0);
                        sync();
                        Files.delete(filler);
                        if (settled) {
                            Thread.sleep(SETTLE_MILLIS);
                        }
                        long start = System.nanoTime();
                        long writesDone;
                        if (way.equals("Files.copy")) {
                            Files.copy(source, target);
                            writesDone = System.nanoTime();
                            try (FileChannel ch = FileChannel.open(target, StandardOpenOption.WRITE)) {
                                ch.force(true);
                            }
                        } else {
                            boolean staging = way.endsWith("early syncs");
                            writesDone = write(
                                    target,
                                    block,
                                    way.equals("direct"),
                                    staging ? SMALL_WRITE : BLOCK,
                                    staging ? EARLY_SYNC_EVERY : 0,
                                    syncer);
                        }
                        long end = System.nanoTime();
                        Files.delete(target);
                        results.computeIfAbsent(way + (settled ? " | settled" : " | recent"), k -> new ArrayList<>())
                                .add(new double[] {
                                    (writesDone - start) / 1e9, (end - writesDone) / 1e9, (end - start) / 1e9
                                });
                    }
                }
            }
        } finally {
            Files.deleteIfExists(source);
            Files.deleteIfExists(target);
            Files.deleteIfExists(filler);
            Files.deleteIfExists(folder);
            syncer.shutdown();
        }
        System.out.printf(
                "1 GiB made durable in %s, %d rounds (seconds: writing, final fsync, total; median of the totals)%n",
                folder.getParent(), rounds);
        System.out.printf("%-50s %s%n", "way | free memory", "rounds");
        results.forEach((way, rs) -> {
            StringBuilder line = new StringBuilder();
            List<Double> totals = new ArrayList<>();
            for (double[] x : rs) {
                line.append(String.format("  %.2f+%.2f=%.2f", x[0], x[1], x[2]));
                totals.add(x[2]);
            }
            totals.sort(null);
            System.out.printf("%-50s%s   median %.2f%n", way, line, totals.get(totals.size() / 2));
        });
    }

    private static void write(Path file, ByteBuffer block, boolean direct, int piece, long earlySyncEvery)
            throws Exception {
        ExecutorService none = Executors.newSingleThreadExecutor();
        try {
            write(file, block, direct, piece, earlySyncEvery, none);
        } finally {
            none.shutdown();
        }
    }

    /**
     * Writes 1 GiB of the block in writes of {@code piece} bytes, syncing early on {@code syncer} when asked; returns
     * when the last write returned.
     */
    private static long write(
            Path file, ByteBuffer block, boolean direct, int piece, long earlySyncEvery, ExecutorService syncer)
            throws Exception {
        long written;
        try (FileChannel ch = direct
                ? FileChannel.open(
                        file,
                        StandardOpenOption.CREATE_NEW,
                        StandardOpenOption.WRITE,
                        com.sun.nio.file.ExtendedOpenOption.DIRECT)
                : FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            CompletableFuture<Void> early = CompletableFuture.completedFuture(null);
            long syncedUpTo = 0;
            for (long at = 0; at < SIZE; at += BLOCK) {
                for (int off = 0; off < BLOCK; off += piece) {
                    ByteBuffer b = block.duplicate().position(off).limit(off + piece);
                    while (b.hasRemaining()) {
                        ch.write(b, at + b.position());
                    }
                }
                if (earlySyncEvery > 0 && at + BLOCK - syncedUpTo >= earlySyncEvery && early.isDone()) {
                    syncedUpTo = at + BLOCK;
                    early = CompletableFuture.runAsync(
                            () -> {
                                try {
                                    ch.force(false);
                                } catch (java.io.IOException e) {
                                    throw new java.io.UncheckedIOException(e);
                                }
                            },
                            syncer);
                }
            }
            early.join();
            written = System.nanoTime();
            ch.force(true);
        }
        return written;
    }

    private static void sync() throws Exception {
        new ProcessBuilder("sync").inheritIO().start().waitFor();
    }
}
