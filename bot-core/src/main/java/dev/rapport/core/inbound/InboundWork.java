package dev.rapport.core.inbound;

import dev.rapport.core.i18n.Text;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Phaser;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The work an adapter does after acknowledging what a person sent. Both platforms want an answer within 3 seconds, so
 * an adapter acknowledges first and hands the rest here:
 *
 * <ul>
 *   <li>it runs on virtual threads, at most {@code concurrency} at a time (the rest wait their turn, so a burst of
 *       commands cannot take every database connection at once);
 *   <li>an unexpected failure becomes one {@link ErrorReference}: logged with its stack trace, and the person is told
 *       the friendly text with the reference through the adapter's own way of answering;
 *   <li>{@link #close()} refuses new work and waits (up to {@code finish}) for what was already taken, answers
 *       included, so a graceful shutdown loses no answer; and {@link #open()} makes it ready again afterwards (a Spring
 *       context may be stopped and started again, and a connection may be restarted).
 * </ul>
 *
 * <p>An interaction is in flight from {@link #begin()} to the end of its work. An adapter whose acknowledgement is a
 * request of its own (Discord's deferral) calls {@code begin()} before sending it and {@link Ticket#run} once the
 * platform has accepted it, or {@link Ticket#cancel} if it did not; one whose acknowledgement is the handler's return
 * (Slack) simply calls {@link #submit}.
 */
public final class InboundWork implements AutoCloseable {

    /** How many interactions may be worked on at once, by default. */
    public static final int DEFAULT_CONCURRENCY = 64;

    /** How long a shutdown waits for interactions in flight, by default. */
    public static final Duration DEFAULT_FINISH = Duration.ofSeconds(10);

    private static final Logger log = LoggerFactory.getLogger(InboundWork.class);

    /** Work after the acknowledgement. */
    @FunctionalInterface
    public interface Task {
        void run() throws Exception;
    }

    /**
     * Tells the person, in the adapter's way and in their language, that their request failed: {@code text} (not
     * rendered yet) carries the reference.
     */
    @FunctionalInterface
    public interface OnFailure {
        void tell(Text text) throws Exception;
    }

    private final String platform;
    private final int concurrency;
    private final Duration finish;
    private volatile Run current;

    /**
     * @param platform the platform's name for thread names and log lines ("Slack", "Discord")
     * @param concurrency how many tasks may run at once
     * @param finish how long {@link #close()} waits for work in flight
     */
    public InboundWork(String platform, int concurrency, Duration finish) {
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be at least 1");
        }
        this.platform = platform;
        this.concurrency = concurrency;
        this.finish = finish;
        this.current = new Run();
    }

    /** With the default concurrency and shutdown wait. */
    public InboundWork(String platform) {
        this(platform, DEFAULT_CONCURRENCY, DEFAULT_FINISH);
    }

    /** One stretch between opening and closing: its threads, what is in flight, and whether it is closing. */
    private final class Run {
        final ExecutorService pool = Executors.newThreadPerTaskExecutor(Thread.ofVirtual()
                .name(platform.toLowerCase(Locale.ROOT) + "-inbound-", 0)
                .factory());
        final Semaphore turns = new Semaphore(concurrency);
        /** The interactions in flight, and the run itself as one more party until it closes. */
        final Phaser inFlight = new Phaser(1);

        volatile boolean closing;
    }

    /** An interaction counted as in flight until its work is done or its acknowledgement failed. */
    public final class Ticket {
        private final Run run;
        private final AtomicBoolean ended = new AtomicBoolean();

        private Ticket(Run run) {
            this.run = run;
        }

        /**
         * Runs {@code task} on the pool. Returns false, having logged it, when the work this ticket belongs to has
         * stopped meanwhile; the caller may then tell the person to try again.
         */
        public boolean run(String what, Task task, OnFailure onFailure) {
            try {
                run.pool.execute(() -> {
                    try {
                        work(run, what, task, onFailure);
                    } finally {
                        end();
                    }
                });
                return true;
            } catch (RejectedExecutionException e) {
                end();
                log.warn("{} {} arrived after Rapport's work had stopped", platform, what);
                return false;
            }
        }

        /** The acknowledgement was refused: there is no work to do. */
        public void cancel() {
            end();
        }

        private void end() {
            if (ended.compareAndSet(false, true)) {
                run.inFlight.arriveAndDeregister();
            }
        }
    }

    /** Counts an interaction in flight, or says (empty) that Rapport is closing and takes no new work. */
    public Optional<Ticket> begin() {
        Run run = current;
        if (run.closing) {
            return Optional.empty();
        }
        run.inFlight.register();
        Ticket ticket = new Ticket(run);
        if (run.closing) {
            // Closed in between: the close may not have counted this one, so it is not taken.
            ticket.cancel();
            return Optional.empty();
        }
        return Optional.of(ticket);
    }

    /**
     * Takes {@code task} for an interaction already acknowledged. Returns false, having logged it, when Rapport is
     * closing and took nothing.
     */
    public boolean submit(String what, Task task, OnFailure onFailure) {
        Optional<Ticket> ticket = begin();
        if (ticket.isEmpty()) {
            log.warn("{} {} arrived while Rapport is shutting down; it is not worked on", platform, what);
            return false;
        }
        return ticket.get().run(what, task, onFailure);
    }

    /** Whether new work is refused (between {@link #close()} and {@link #open()}). */
    public boolean closing() {
        return current.closing;
    }

    private void work(Run run, String what, Task task, OnFailure onFailure) {
        try {
            run.turns.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            log.warn("{} {} was stopped before its turn came", platform, what);
            return;
        }
        try {
            task.run();
        } catch (Exception e) {
            ErrorReference reference = ErrorReference.logged(log, platform + " " + what, e);
            try {
                onFailure.tell(reference.text());
            } catch (Exception notTold) {
                log.warn("Could not tell the person about reference {}", reference.id());
            }
        } finally {
            run.turns.release();
        }
    }

    /** Takes work again after {@link #close()}; does nothing while open. */
    public synchronized void open() {
        if (current.closing) {
            current = new Run();
        }
    }

    /**
     * Refuses new work and lets the interactions in flight finish, answers included (up to the {@code finish} given),
     * then stops what is still running.
     */
    @Override
    public synchronized void close() {
        Run run = current;
        if (run.closing) {
            return;
        }
        run.closing = true;
        long deadline = System.nanoTime() + finish.toNanos();
        try {
            // Once the run itself arrives, the phase ends when the last interaction in flight does.
            int phase = run.inFlight.arriveAndDeregister();
            run.inFlight.awaitAdvanceInterruptibly(phase, finish.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            log.warn("{} work still running after {} s at shutdown; stopping it", platform, finish.toSeconds());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        run.pool.shutdown();
        try {
            long left = Math.max(0, deadline - System.nanoTime());
            if (!run.pool.awaitTermination(left, TimeUnit.NANOSECONDS)) {
                run.pool.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            run.pool.shutdownNow();
        }
    }
}
