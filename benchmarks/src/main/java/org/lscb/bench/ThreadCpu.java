package org.lscb.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * CPU time another process's threads have used, from {@code /proc/<pid>/task/<tid>/stat}, summed by thread
 * name without its number ("GC Thread#0" and "GC Thread#1" count as one, as do "blob-writer" threads; the
 * kernel keeps 15 characters of a name, so "C2 CompilerThread0" arrives as "C2 CompilerThre"). Taken before and
 * after a step, it shows where that step's CPU went without touching the process: whether the server was
 * still compiling, or how the request thread and the blob writers shared the work.
 */
final class ThreadCpu {

    /** Clock ticks per second of {@code /proc} times; 100 on every Linux this runs on. */
    private static final int TICKS_PER_SECOND = 100;

    private final Map<String, Long> millisByName;

    private ThreadCpu(Map<String, Long> millisByName) {
        this.millisByName = millisByName;
    }

    /** The process's threads now; empty where {@code /proc} is not there. */
    static ThreadCpu of(long pid) {
        Map<String, Long> byName = new TreeMap<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            tasks.forEach(task -> {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    // the name is in parentheses and may itself hold spaces or parentheses
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'))
                            .replaceAll("#?[0-9]+$", "");
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime
                    byName.merge(name.strip(), ticks * 1000 / TICKS_PER_SECOND, Long::sum);
                } catch (IOException | RuntimeException e) {
                    // the thread ended between listing and reading
                }
            });
        } catch (IOException e) {
            // no /proc here: nothing to report
        }
        return new ThreadCpu(byName);
    }

    /** Milliseconds used since {@code before}, by thread name, largest first; names under 30 ms are left out. */
    String since(ThreadCpu before) {
        StringBuilder out = new StringBuilder();
        millisByName.entrySet().stream()
                .map(e -> Map.entry(e.getKey(), e.getValue() - before.millisByName.getOrDefault(e.getKey(), 0L)))
                .filter(e -> e.getValue() >= 30)
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(e -> out.append(out.length() == 0 ? "" : ", ")
                        .append(e.getKey())
                        .append(' ')
                        .append(e.getValue())
                        .append(" ms"));
        return out.length() == 0 ? "-" : out.toString();
    }
}
