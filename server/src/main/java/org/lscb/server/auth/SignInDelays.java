package org.lscb.server.auth;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Holds back the answers to repeated failed sign-ins without holding a request thread: one timer thread
 * resumes every delayed answer, so a hundred guessing clients cost a hundred queued timers, not a
 * hundred blocked threads, and {@code /health} and everyone else keep being served.
 */
@ApplicationScoped
public class SignInDelays {

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "lscb-sign-in-delays");
        t.setDaemon(true);
        return t;
    });

    public void after(Duration delay, Runnable answer) {
        if (delay.isZero() || delay.isNegative()) {
            answer.run();
            return;
        }
        timer.schedule(answer, delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        timer.shutdownNow();
    }
}
