package org.lscb.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The sign-in workers over a plain executor standing in for the server's managed one. */
class SignInWorkersTest {

    private final AtomicInteger handedToExecutor = new AtomicInteger();
    private final ExecutorService pool = Executors.newCachedThreadPool(r -> new Thread(r, "stand-in-managed"));
    private final CountDownLatch hold = new CountDownLatch(1);

    @AfterEach
    void stop() {
        hold.countDown();
        pool.shutdownNow();
    }

    private SignInWorkers workers(int threads) {
        return new SignInWorkers(
                task -> {
                    handedToExecutor.incrementAndGet();
                    pool.execute(task);
                },
                threads);
    }

    private Runnable blocked(AtomicInteger running) {
        return () -> {
            running.incrementAndGet();
            try {
                hold.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
    }

    @Test
    void aSignIn_runsOnTheExecutor_notOnTheRequestThread() throws Exception {
        SignInWorkers workers = workers(2);
        CountDownLatch ran = new CountDownLatch(1);
        AtomicReference<String> on = new AtomicReference<>();

        assertThat(workers.submit(() -> {
                    on.set(Thread.currentThread().getName());
                    ran.countDown();
                }))
                .isTrue();

        assertThat(ran.await(1, TimeUnit.MINUTES)).isTrue();
        assertThat(on.get()).isEqualTo("stand-in-managed");
    }

    @Test
    void beyondTheQueue_aSignInIsRefusedAtOnce() {
        SignInWorkers workers = workers(3);
        AtomicInteger running = new AtomicInteger();
        for (int i = 0; i < 3 + SignInWorkers.QUEUE; i++) {
            assertThat(workers.submit(blocked(running))).isTrue();
        }

        assertThat(workers.submit(blocked(running))).isFalse();
    }

    @Test
    void noMoreThanItsThreadsRunAtOnce_howeverManyWait() throws Exception {
        SignInWorkers workers = workers(3);
        AtomicInteger running = new AtomicInteger();
        for (int i = 0; i < 50; i++) {
            workers.submit(blocked(running));
        }

        // the executor is handed one task per thread, and those take the sign-ins one after another
        assertThat(handedToExecutor.get()).isEqualTo(3);
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        while (running.get() < 3 && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(running.get()).isEqualTo(3);
    }

    @Test
    void manySignInsFromManyRequestThreads_allRun() throws Exception {
        SignInWorkers workers = workers(2);
        int many = 20_000;
        CountDownLatch all = new CountDownLatch(many);
        ExecutorService requests = Executors.newFixedThreadPool(4);
        try {
            for (int i = 0; i < many; i++) {
                requests.execute(() -> {
                    while (!workers.submit(all::countDown)) {
                        Thread.onSpinWait(); // a full queue refuses; the caller would answer 503, this one tries again
                    }
                });
            }
            assertThat(all.await(1, TimeUnit.MINUTES))
                    .as("sign-ins left behind: " + all.getCount())
                    .isTrue();
        } finally {
            requests.shutdownNow();
        }
    }

    @Test
    void whenTheExecutorRefuses_theSignInIsRefused_andItsRoomGivenBack() {
        SignInWorkers workers = new SignInWorkers(
                task -> {
                    throw new java.util.concurrent.RejectedExecutionException("shutting down");
                },
                1);

        for (int i = 0; i < SignInWorkers.QUEUE + 5; i++) {
            assertThat(workers.submit(() -> {})).isFalse();
        }
    }
}
