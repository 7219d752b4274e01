package dev.rapport.discord;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.requests.RestAction;

/**
 * Runs a JDA request and waits for it, with a bound on every part of the wait.
 *
 * <p>Requests go through JDA's queue ({@code submit()}), not around it ({@code complete(false)}): the queue is what
 * reads Discord's {@code X-RateLimit-*} headers and waits for a route's bucket before sending, so Rapport never
 * spends a request it already knows would be refused; and a 429 that still comes is retried by JDA after its
 * {@code Retry-After}, never earlier. The request gets a deadline, so a bucket that stays empty makes it fail with
 * JDA's {@link TimeoutException} before it is sent (nothing reached Discord: the caller may try again later, and no
 * message can be duplicated). The wait for the answer is bounded too, for a request already on the wire.
 */
final class Calls {

    /** JDA retries a 502, 503 or 504 three times, 0.5, 1 and 2 s apart, before it gives up. */
    private static final Duration JDA_RETRY_PAUSES = Duration.ofMillis(3_500);

    private Calls() {}

    /** How a call ended when it did not succeed. */
    sealed interface Failure {

        /** Discord answered with an error (HTTP status and Discord's JSON code). */
        record Refused(ErrorResponseException error) implements Failure {}

        /** The request waited for its rate-limit bucket past its deadline and was never sent. */
        record NotSent() implements Failure {}

        /** JDA is shutting down and refused the request: it was never sent. */
        record Stopping() implements Failure {}

        /** No answer in time or the network failed: whether it arrived is unknown. */
        record Unknown(Throwable cause) implements Failure {}
    }

    /** The outcome of one call: a value, or a failure. */
    record Outcome<T>(T value, Failure failure) {
        boolean ok() {
            return failure == null;
        }
    }

    /**
     * Sends {@code action} through JDA's queue with a deadline of {@code timeout} for leaving the queue, and waits for
     * its answer: at most that deadline, plus one HTTP call and JDA's own retries of gateway errors, each bounded by the
     * HTTP client's call timeout (the same {@code timeout}).
     */
    static <T> Outcome<T> await(RestAction<T> action, Duration timeout) {
        CompletableFuture<T> future;
        try {
            future = action.timeout(timeout.toMillis(), TimeUnit.MILLISECONDS).submit();
        } catch (RejectedExecutionException e) {
            // JDA refuses new requests once it is shutting down.
            return new Outcome<>(null, new Failure.Stopping());
        } catch (RuntimeException e) {
            return new Outcome<>(null, new Failure.Unknown(e));
        }
        Duration bound = timeout.multipliedBy(5).plus(JDA_RETRY_PAUSES);
        try {
            return new Outcome<>(future.get(bound.toMillis(), TimeUnit.MILLISECONDS), null);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            if (cause instanceof ErrorResponseException refused) {
                return new Outcome<>(null, new Failure.Refused(refused));
            }
            if (cause instanceof TimeoutException) {
                return new Outcome<>(null, new Failure.NotSent());
            }
            return new Outcome<>(null, new Failure.Unknown(cause));
        } catch (TimeoutException e) {
            future.cancel(false);
            return new Outcome<>(null, new Failure.Unknown(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            future.cancel(false);
            return new Outcome<>(null, new Failure.Unknown(e));
        }
    }

    /** The HTTP status of a refusal (0 when JDA reports no response). */
    static int status(ErrorResponseException e) {
        return e.getResponse() == null ? 0 : e.getResponse().code;
    }

    /** What a failure was, for a log line: never a message's contents, a URL or a token. */
    static String describe(Failure failure) {
        return switch (failure) {
            case Failure.Refused r ->
                "HTTP " + status(r.error()) + " code " + r.error().getErrorCode() + " ("
                        + r.error().getMeaning() + ")";
            case Failure.NotSent n -> "still rate-limited at the deadline, not sent";
            case Failure.Stopping s -> "JDA is shutting down, not sent";
            case Failure.Unknown u -> u.cause().getClass().getSimpleName();
        };
    }
}
