package org.lscb.server.auth;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Runs sign-ins (each one Argon2, about 50 ms of CPU and 19 MiB) on a few threads of their own, half the
 * processors, while the request waits suspended. However many clients sign in at once, hashing can take at
 * most that share of the machine, and every other request keeps the rest. A burst beyond
 * {@value #QUEUE} waiting sign-ins is refused at once rather than queued without end.
 */
@ApplicationScoped
public class SignInWorkers {

    static final int QUEUE = 2000;

    private final ThreadPoolExecutor workers;

    public SignInWorkers() {
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
        workers = new ThreadPoolExecutor(threads, threads, 1, TimeUnit.MINUTES, new ArrayBlockingQueue<>(QUEUE), r -> {
            Thread t = new Thread(r, "lscb-sign-in");
            t.setDaemon(true);
            return t;
        });
    }

    /** Runs the sign-in later on a worker; false when too many are waiting already. */
    public boolean submit(Runnable signIn) {
        try {
            workers.execute(signIn);
            return true;
        } catch (RejectedExecutionException busy) {
            return false;
        }
    }

    @PreDestroy
    void stop() {
        workers.shutdownNow();
    }
}
