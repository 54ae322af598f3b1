package org.lscb.client;

import java.io.InputStream;
import java.io.OutputStream;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** Progress bars with speed and time left for large transfers; silent when asked or for small files. */
final class Progress {

    private static final long WORTH_SHOWING = 4L * 1024 * 1024;

    private final boolean quiet;

    Progress(boolean quiet) {
        this.quiet = quiet;
    }

    InputStream reading(InputStream in, long size, String task) {
        if (quiet || (size >= 0 && size < WORTH_SHOWING)) {
            return in;
        }
        return ProgressBar.wrap(in, builder(task, size));
    }

    OutputStream writing(OutputStream out, long size, String task) {
        if (quiet || (size >= 0 && size < WORTH_SHOWING)) {
            return out;
        }
        return ProgressBar.wrap(out, builder(task, size));
    }

    /** A bar that follows a file another part of the program is writing, until closed. */
    interface Watch extends AutoCloseable {
        @Override
        void close();
    }

    Watch watching(java.nio.file.Path file, String task) {
        if (quiet) {
            return () -> { };
        }
        ProgressBar bar = builder(task, -1).build();
        Thread t = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    bar.stepTo(java.nio.file.Files.exists(file) ? java.nio.file.Files.size(file) : 0);
                    Thread.sleep(250);
                } catch (InterruptedException e) {
                    return;
                } catch (java.io.IOException e) {
                    // the file moved on; the next look will tell
                }
            }
        }, "lscb-progress");
        t.setDaemon(true);
        t.start();
        return () -> {
            t.interrupt();
            bar.close();
        };
    }

    private static ProgressBarBuilder builder(String task, long size) {
        return new ProgressBarBuilder().setTaskName(task).setInitialMax(size).setStyle(ProgressBarStyle.ASCII).setUnit(" MiB", 1 << 20)
                .showSpeed().setUpdateIntervalMillis(250);
    }
}
