package org.lscb.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class SignInWorkersTest {

    @Test
    void aSignIn_runsOnAWorker_notOnTheRequestThread() throws Exception {
        SignInWorkers workers = new SignInWorkers();
        CountDownLatch ran = new CountDownLatch(1);
        AtomicReference<String> on = new AtomicReference<>();

        assertThat(workers.submit(() -> {
            on.set(Thread.currentThread().getName());
            ran.countDown();
        })).isTrue();

        assertThat(ran.await(1, TimeUnit.MINUTES)).isTrue();
        assertThat(on.get()).isEqualTo("lscb-sign-in");
        workers.stop();
    }

    @Test
    void beyondTheQueue_aSignInIsRefusedAtOnce() {
        SignInWorkers workers = new SignInWorkers();
        CountDownLatch hold = new CountDownLatch(1);
        Runnable blocked = () -> {
            try {
                hold.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
        for (int i = 0; i < threads + SignInWorkers.QUEUE; i++) {
            assertThat(workers.submit(blocked)).isTrue();
        }

        assertThat(workers.submit(blocked)).isFalse();
        hold.countDown();
        workers.stop();
    }
}
