package org.lscb.bench;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where a flight recording's samples fell, of threads running Java and of threads in native code (a file write, a
 * wait): the share of samples per top frame (the method running), and per first frame in our code or Bouncy Castle's
 * (which of our steps it was running for). Issue 24's way of saying where the
 * time of a seal or an open goes. Usage: {@code benchmarks/exchange/hot-methods.sh recording.jfr [N]}.
 */
public final class HotMethods {

    private HotMethods() {}

    public static void main(String[] args) throws Exception {
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 15;
        Map<String, Integer> top = new HashMap<>();
        Map<String, Integer> ours = new HashMap<>();
        int total = 0;
        for (RecordedEvent e : RecordingFile.readAllEvents(Path.of(args[0]))) {
            String type = e.getEventType().getName();
            if (!(type.equals("jdk.ExecutionSample") || type.equals("jdk.NativeMethodSample"))
                    || e.getStackTrace() == null) {
                continue;
            }
            List<RecordedFrame> frames = e.getStackTrace().getFrames();
            if (frames.isEmpty()) {
                continue;
            }
            total++;
            // a thread in native code (a file write, a wait) is sampled apart from one running Java: both count
            String where = type.equals("jdk.NativeMethodSample") ? " (native)" : "";
            top.merge(name(frames.get(0)) + where, 1, Integer::sum);
            String mine = frames.stream()
                    .map(HotMethods::name)
                    .filter(f -> f.startsWith("org.lscb.") || f.startsWith("org.bouncycastle."))
                    .findFirst()
                    .orElse("(none)");
            ours.merge(mine, 1, Integer::sum);
        }
        System.out.printf("%d samples; the method running:%n", total);
        print(top, total, n);
        System.out.printf("the first frame in org.lscb or org.bouncycastle:%n");
        print(ours, total, n);
    }

    private static String name(RecordedFrame f) {
        return f.getMethod().getType().getName() + "." + f.getMethod().getName();
    }

    private static void print(Map<String, Integer> counts, int total, int n) {
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder()))
                .limit(n)
                .forEach(en -> System.out.printf("  %5.1f%%  %s%n", 100.0 * en.getValue() / total, en.getKey()));
    }
}
