package org.lscb.server.auth;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Holds back the answers to repeated failed sign-ins without holding a request thread: the server's managed
 * scheduled executor resumes every delayed answer when its time comes, so a hundred guessing clients cost a
 * hundred queued timers, not a hundred blocked threads, and {@code /health} and everyone else keep being served.
 */
@ApplicationScoped
public class SignInDelays {

    @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
    private ManagedScheduledExecutorService managed;

    private ScheduledExecutorService timer;

    public SignInDelays() {}

    /** For tests: delayed answers are resumed by {@code timer}. */
    SignInDelays(ScheduledExecutorService timer) {
        this.timer = timer;
    }

    @PostConstruct
    void init() {
        if (timer == null) {
            timer = managed;
        }
    }

    public void after(Duration delay, Runnable answer) {
        if (delay.isZero() || delay.isNegative()) {
            answer.run();
            return;
        }
        timer.schedule(answer, delay.toMillis(), TimeUnit.MILLISECONDS);
    }
}
