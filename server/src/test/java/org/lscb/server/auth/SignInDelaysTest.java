package org.lscb.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class SignInDelaysTest {

    @Test
    void aDelayedAnswer_runsOnTheTimer_notOnTheCallersThread() throws Exception {
        SignInDelays delays = new SignInDelays();
        CountDownLatch answered = new CountDownLatch(1);
        AtomicReference<Thread> answeredOn = new AtomicReference<>();

        delays.after(Duration.ofMillis(1), () -> {
            answeredOn.set(Thread.currentThread());
            answered.countDown();
        });

        assertThat(answered.await(1, TimeUnit.MINUTES)).isTrue();
        assertThat(answeredOn.get()).isNotSameAs(Thread.currentThread());
        assertThat(answeredOn.get().getName()).isEqualTo("lscb-sign-in-delays");
        delays.stop();
    }

    @Test
    void noDelay_answersAtOnceOnTheCallersThread() {
        SignInDelays delays = new SignInDelays();
        AtomicReference<Thread> answeredOn = new AtomicReference<>();

        delays.after(Duration.ZERO, () -> answeredOn.set(Thread.currentThread()));

        assertThat(answeredOn.get()).isSameAs(Thread.currentThread());
        delays.stop();
    }
}
