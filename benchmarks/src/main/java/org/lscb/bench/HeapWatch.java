package org.lscb.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Another JVM's used heap, read by {@code jstat -gc} from its shared performance counters every 100 ms:
 * the watched JVM does no work for it, unlike a metrics endpoint it would have to serve.
 */
final class HeapWatch {

    private final Process jstat;
    private final Thread reader;
    private final AtomicLong current = new AtomicLong(-1);
    private final AtomicLong peak = new AtomicLong(-1);

    private HeapWatch(Process jstat) {
        this.jstat = jstat;
        this.reader = new Thread(this::read, "heap-watch");
        reader.setDaemon(true);
        reader.start();
    }

    static HeapWatch of(long pid) throws IOException, InterruptedException {
        Path jstat = Path.of(System.getProperty("java.home"), "bin", "jstat");
        HeapWatch watch = new HeapWatch(new ProcessBuilder(jstat.toString(), "-gc", Long.toString(pid), "100")
                .redirectErrorStream(true)
                .start());
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (watch.current.get() < 0 && System.nanoTime() < deadline && watch.jstat.isAlive()) {
            Thread.sleep(50);
        }
        if (watch.current.get() < 0) {
            watch.jstat.destroy();
            throw new IllegalStateException("jstat did not report the server's heap");
        }
        return watch;
    }

    /** Bytes in use now. */
    long current() {
        return current.get();
    }

    /** Stops watching; the most bytes in use seen. */
    long stop() throws InterruptedException {
        jstat.destroy();
        reader.join(5_000);
        return peak.get();
    }

    private void read() {
        try (BufferedReader in =
                new BufferedReader(new InputStreamReader(jstat.getInputStream(), StandardCharsets.US_ASCII))) {
            String header = in.readLine();
            if (header == null) {
                return;
            }
            String[] names = header.trim().split("\\s+");
            String line;
            while ((line = in.readLine()) != null) {
                String[] values = line.trim().split("\\s+");
                if (values.length != names.length || values[0].equals(names[0])) {
                    continue; // a repeated header
                }
                double usedKb = 0;
                for (int i = 0; i < names.length; i++) {
                    if (names[i].equals("S0U")
                            || names[i].equals("S1U")
                            || names[i].equals("EU")
                            || names[i].equals("OU")) {
                        usedKb += Double.parseDouble(values[i]);
                    }
                }
                long bytes = (long) (usedKb * 1024);
                current.set(bytes);
                peak.accumulateAndGet(bytes, Math::max);
            }
        } catch (IOException | NumberFormatException e) {
            // jstat was stopped
        }
    }
}
