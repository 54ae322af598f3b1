package org.lscb.server.auth;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs sign-ins (each one Argon2, about 50 ms of CPU and 19 MiB) on the server's managed executor, at most
 * half the processors at once, while the request waits suspended. However many clients sign in at once,
 * hashing can take at most that share of the machine, and every other request keeps the rest. A burst
 * beyond {@value #QUEUE} waiting sign-ins is refused at once rather than queued without end.
 *
 * <p>The managed executor is shared and sized for the whole server, so the bounds are kept here: sign-ins
 * wait in a queue of their own, and at most {@link #threads} tasks on the executor take them from it.
 */
@ApplicationScoped
public class SignInWorkers {

    private static final Logger LOG = Logger.getLogger(SignInWorkers.class.getName());

    static final int QUEUE = 2000;

    @Resource(lookup = "java:comp/DefaultManagedExecutorService")
    private ManagedExecutorService managed;

    private final int threads;
    /** Room for the sign-ins running and waiting together; one permit each, given back when it ends. */
    private final Semaphore room;

    private final Queue<Runnable> waiting = new ConcurrentLinkedQueue<>();
    /** Tasks on the executor taking sign-ins from {@link #waiting}; never more than {@link #threads}. */
    private final AtomicInteger takers = new AtomicInteger();

    private Executor executor;

    public SignInWorkers() {
        this(null, Math.max(1, Runtime.getRuntime().availableProcessors() / 2));
    }

    /** For tests: sign-ins run on {@code executor}, at most {@code threads} at once. */
    SignInWorkers(Executor executor, int threads) {
        this.executor = executor;
        this.threads = threads;
        this.room = new Semaphore(threads + QUEUE);
    }

    @PostConstruct
    void init() {
        if (executor == null) {
            executor = managed;
        }
    }

    /** How many sign-ins run at once at most. */
    int threads() {
        return threads;
    }

    /** Runs the sign-in later on a worker; false when too many are waiting already. */
    public boolean submit(Runnable signIn) {
        if (!room.tryAcquire()) {
            return false;
        }
        waiting.add(signIn);
        if (!addTaker() && waiting.remove(signIn)) {
            // the executor refused and no taker is left to come for it
            room.release();
            return false;
        }
        return true;
    }

    /** Starts one more taker when fewer than {@link #threads} run; false only when the executor refused it. */
    private boolean addTaker() {
        while (true) {
            int n = takers.get();
            if (n >= threads) {
                return true; // a running taker will come for it
            }
            if (takers.compareAndSet(n, n + 1)) {
                try {
                    executor.execute(this::take);
                    return true;
                } catch (RejectedExecutionException busy) {
                    takers.decrementAndGet();
                    return takers.get() > 0;
                }
            }
        }
    }

    private void take() {
        while (true) {
            Runnable signIn = waiting.poll();
            if (signIn == null) {
                takers.decrementAndGet();
                // a sign-in queued after the poll, whose submitter still saw this taker running, is not left behind
                if (waiting.isEmpty() || !reclaim()) {
                    return;
                }
                continue;
            }
            try {
                signIn.run();
            } catch (RuntimeException | Error e) {
                LOG.log(Level.WARNING, "a sign-in failed on its worker", e);
            } finally {
                room.release();
            }
        }
    }

    private boolean reclaim() {
        while (true) {
            int n = takers.get();
            if (n >= threads) {
                return false; // the takers running will come for it
            }
            if (takers.compareAndSet(n, n + 1)) {
                return true;
            }
        }
    }
}
