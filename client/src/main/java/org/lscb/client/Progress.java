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

    private static ProgressBarBuilder builder(String task, long size) {
        return new ProgressBarBuilder()
                .setTaskName(task)
                .setInitialMax(size)
                .setStyle(ProgressBarStyle.ASCII)
                .setUnit(" MiB", 1 << 20)
                .showSpeed()
                .setUpdateIntervalMillis(250);
    }
}
