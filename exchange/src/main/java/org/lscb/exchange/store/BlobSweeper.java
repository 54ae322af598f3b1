package org.lscb.exchange.store;

import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Sweeps a {@link DirectoryBlobStore}'s folder. Removes what a crash can leave behind (docs/security.md F1):
 * temporary upload files, and blobs that no document names (a crash between the blob's rename and the
 * metadata's commit, or the old ciphertext after a grant rewrote a document). Only files older than a grace
 * period go, so an upload in flight is never touched; at start-up nothing of this server's is in flight and its
 * temporary files go at once (orphan blobs are left to the first hourly sweep, so that start-up does not query
 * the database once per stored blob).
 */
public final class BlobSweeper {

    public static final Duration GRACE = Duration.ofHours(1);

    private final Path root;

    public BlobSweeper(Path root) {
        this.root = root;
    }

    /** What a sweep removed. */
    public record Swept(int temporary, int orphans) {}

    /**
     * @param startingUp true at start-up, when no upload can be in flight on this node
     * @param named      whether a document names the blob with this SHA-256
     */
    public Swept sweep(boolean startingUp, Predicate<String> named, Instant now) throws IOException {
        Instant cutOff = now.minus(GRACE);
        int temporary = sweepIncoming(root.resolve(".incoming"), startingUp, cutOff);
        int orphans = 0;
        // orphan blobs wait for the hourly sweep: a query per blob does not belong on the start-up path
        if (!startingUp && Files.isDirectory(root)) {
            for (Path shard : list(root)) {
                if (!Files.isDirectory(shard) || shard.getFileName().toString().startsWith(".")) {
                    continue;
                }
                for (Path blob : list(shard)) {
                    String name = blob.getFileName().toString();
                    if (name.matches("[0-9a-f]{64}") && older(blob, cutOff) && !named.test(name)) {
                        orphans += Files.deleteIfExists(blob) ? 1 : 0;
                    }
                }
            }
        }
        return new Swept(temporary, orphans);
    }

    /**
     * Removes the temporary files in {@code incoming} older than {@code cutOff}, and at start-up every one this server
     * staged ({@link BlobStore#STAGED_BY}): another server sharing the folder may have its own in flight.
     */
    static int sweepIncoming(Path incoming, boolean startingUp, Instant cutOff) throws IOException {
        int temporary = 0;
        if (Files.isDirectory(incoming)) {
            for (Path p : list(incoming)) {
                boolean own = p.getFileName().toString().startsWith(BlobStore.STAGED_BY);
                if ((startingUp && own) || older(p, cutOff)) {
                    temporary += Files.deleteIfExists(p) ? 1 : 0;
                }
            }
        }
        return temporary;
    }

    /** Whether any document names this ciphertext. */
    public static boolean named(EntityManager em, String sha256) {
        return em.createQuery("select count(d) from Document d where d.sha256 = :s", Long.class)
                        .setParameter("s", sha256)
                        .getSingleResult()
                > 0;
    }

    private static boolean older(Path p, Instant cutOff) throws IOException {
        FileTime t = Files.getLastModifiedTime(p);
        return t.toInstant().isBefore(cutOff);
    }

    private static List<Path> list(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return new ArrayList<>(s.toList());
        }
    }
}
