package org.lscb.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The sign-in delays over a plain scheduled executor standing in for the server's managed one. */
class SignInDelaysTest {

    private final ScheduledExecutorService timer =
            Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "stand-in-managed"));

    @AfterEach
    void stop() {
        timer.shutdownNow();
    }

    @Test
    void aDelayedAnswer_runsOnTheTimer_notOnTheCallersThread() throws Exception {
        SignInDelays delays = new SignInDelays(timer);
        CountDownLatch answered = new CountDownLatch(1);
        AtomicReference<Thread> answeredOn = new AtomicReference<>();

        delays.after(Duration.ofMillis(1), () -> {
            answeredOn.set(Thread.currentThread());
            answered.countDown();
        });

        assertThat(answered.await(1, TimeUnit.MINUTES)).isTrue();
        assertThat(answeredOn.get()).isNotSameAs(Thread.currentThread());
        assertThat(answeredOn.get().getName()).isEqualTo("stand-in-managed");
    }

    @Test
    void noDelay_answersAtOnceOnTheCallersThread() {
        SignInDelays delays = new SignInDelays(timer);
        AtomicReference<Thread> answeredOn = new AtomicReference<>();

        delays.after(Duration.ZERO, () -> answeredOn.set(Thread.currentThread()));

        assertThat(answeredOn.get()).isSameAs(Thread.currentThread());
    }
}
