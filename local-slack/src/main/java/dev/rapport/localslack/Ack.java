package dev.rapport.localslack;

import com.google.gson.JsonObject;
import java.time.Duration;

/**
 * How the app answered one attempt at a delivery: Slack's acknowledgement, which must come within 3 seconds.
 *
 * @param attempt 0 for the first attempt, then Slack's retry number ({@code X-Slack-Retry-Num}, {@code retry_attempt})
 * @param retryReason the retry's reason ({@code http_timeout}, {@code http_error}, {@code connection_failed},
 *     {@code timeout} over Socket Mode), or {@code null} on the first attempt
 * @param transport how it was delivered
 * @param connection over Socket Mode, which connection carried it (numbered from 1 in the order they opened); 0 over
 *     HTTP or when none did
 * @param outcome what came of it
 * @param status the HTTP status the app answered; 0 over Socket Mode or when nothing came back
 * @param body the HTTP response body, or the ack frame as received over Socket Mode; {@code null} if none
 * @param payload what the app said in its acknowledgement, as Slack reads it: the frame's {@code payload}, an HTTP JSON
 *     body, or {@code {"text": body}} for a plain-text HTTP body; {@code null} for an empty acknowledgement
 * @param latency from sending to the answer, measured on the machine's monotonic clock; {@code null} if no answer has
 *     come (an answer after the deadline is filled in later, the outcome staying {@link Outcome#TIMED_OUT})
 * @param failure why nothing could be delivered ({@code connection_failed}, {@code no_socket_connection},
 *     {@code outage}), or {@code null}
 */
public record Ack(
        int attempt,
        String retryReason,
        Delivery.Transport transport,
        int connection,
        Outcome outcome,
        int status,
        String body,
        JsonObject payload,
        Duration latency,
        String failure) {

    public Ack {
        payload = payload == null ? null : payload.deepCopy();
    }

    @Override
    public JsonObject payload() {
        return payload == null ? null : payload.deepCopy();
    }

    /** Acknowledged in time with a 2xx (HTTP) or an ack frame (Socket Mode). */
    public boolean acknowledged() {
        return outcome == Outcome.ACKED;
    }

    /** What came of one attempt. */
    public enum Outcome {
        /** Answered 2xx, or acked over the socket, within the deadline. */
        ACKED,
        /** Answered within the deadline, but not 2xx: Slack shows the person an error. */
        REJECTED,
        /** No answer within the deadline: Slack shows the person an error, and retries an event. */
        TIMED_OUT,
        /** Could not be delivered at all: nothing listening, no Socket Mode connection, an outage. */
        FAILED
    }
}
