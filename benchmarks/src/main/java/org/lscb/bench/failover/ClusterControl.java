package org.lscb.bench.failover;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The failures the test causes, through the functions of {@code scripts/lib/cluster.sh} run as commands: the
 * library keeps each piece's process id in the cluster's folder ({@code CLUSTER_DIR}, inherited from the script
 * that started the cluster), so this process can kill, stop and start what that script started.
 */
final class ClusterControl {

    private final Path library;

    ClusterControl(Path library) {
        this.library = library;
    }

    /** Runs one function of the library; answers how long it took in milliseconds, or fails naming it. */
    long run(String function, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("bash", library.toString(), function));
        command.addAll(List.of(args));
        long started = System.nanoTime();
        Process p = new ProcessBuilder(command).inheritIO().start();
        if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IllegalStateException(String.join(" ", command) + " failed");
        }
        return (System.nanoTime() - started) / 1_000_000;
    }
}
