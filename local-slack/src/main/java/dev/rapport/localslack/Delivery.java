package dev.rapport.localslack;

import com.google.gson.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One thing the local Slack delivered to the app, as Slack would: a slash command, an interaction or an event, over
 * Socket Mode or signed HTTP. The handle shows how the app acknowledged each attempt ({@link #acks()}), and what it
 * then posted to the delivery's {@code response_url} ({@link #responses()}); the {@code await…} methods wait for them.
 *
 * <p>Thread-safe: the local Slack fills it in from its own threads while a test reads it.
 */
public final class Delivery {

    /** How long {@link #awaitAck()} and {@link #awaitResponse()} wait: well past Slack's 3 s deadline. */
    public static final Duration DEFAULT_WAIT = Duration.ofSeconds(15);

    /** What was delivered. */
    public enum Kind {
        SLASH_COMMAND,
        BLOCK_ACTIONS,
        VIEW_SUBMISSION,
        VIEW_CLOSED,
        EVENT,
        URL_VERIFICATION
    }

    /** How it was delivered. */
    public enum Transport {
        SOCKET_MODE,
        HTTP
    }

    /** What an interaction came from, for {@code replace_original} and {@code delete_original}. */
    record Source(String channel, String ts, boolean ephemeral, String viewId) {}

    private final String id;
    private final Kind kind;
    private final String teamId;
    private final String userId;
    private final JsonObject payload;
    private final String triggerId;
    private final String responseUrl;
    final Signing signing;
    final Source source;

    private final List<Ack> acks = new ArrayList<>();
    private final List<ResponsePost> responses = new ArrayList<>();
    private int attemptsStarted;
    private boolean finished;

    Delivery(
            String id,
            Kind kind,
            String teamId,
            String userId,
            JsonObject payload,
            String triggerId,
            String responseUrl,
            Signing signing,
            Source source) {
        this.id = id;
        this.kind = kind;
        this.teamId = teamId;
        this.userId = userId;
        this.payload = payload;
        this.triggerId = triggerId;
        this.responseUrl = responseUrl;
        this.signing = signing;
        this.source = source;
    }

    /** The local Slack's id for this delivery (an event's {@code event_id} for events). */
    public String id() {
        return id;
    }

    public Kind kind() {
        return kind;
    }

    public String teamId() {
        return teamId;
    }

    /** The person who acted, or {@code null} for an event nobody in particular caused. */
    public String userId() {
        return userId;
    }

    /**
     * The payload as sent: the interaction or {@code event_callback} JSON, or the slash command's fields as a JSON
     * object (over HTTP they travel form-encoded).
     */
    public JsonObject payload() {
        return payload.deepCopy();
    }

    /** The trigger issued with it, for {@code views.open}: valid 3 s, once. {@code null} for events. */
    public String triggerId() {
        return triggerId;
    }

    /** The {@code response_url} issued with it. {@code null} for events and view submissions. */
    public String responseUrl() {
        return responseUrl;
    }

    /** The first attempt's acknowledgement, once it is settled. */
    public synchronized Optional<Ack> ack() {
        return acks.isEmpty() ? Optional.empty() : Optional.of(acks.getFirst());
    }

    /** Every settled attempt's acknowledgement, first attempt first (events are retried; the rest are not). */
    public synchronized List<Ack> acks() {
        return List.copyOf(acks);
    }

    /** Everything posted to the {@code response_url}, in order, accepted or not. */
    public synchronized List<ResponsePost> responses() {
        return List.copyOf(responses);
    }

    /** No attempt is running or scheduled any more. */
    public synchronized boolean finished() {
        return finished;
    }

    /** Waits for the first attempt to settle: acknowledged, refused, timed out (3 s) or failed. */
    public Ack awaitAck() {
        return awaitAck(DEFAULT_WAIT);
    }

    public synchronized Ack awaitAck(Duration wait) {
        waitFor(() -> !acks.isEmpty(), wait, "the first attempt to settle");
        return acks.getFirst();
    }

    /** Waits until Slack would stop trying (acknowledged, or out of retries) and answers the last attempt's ack. */
    public synchronized Ack awaitFinalAck(Duration wait) {
        waitFor(() -> finished && acks.size() == attemptsStarted, wait, "the last attempt to settle");
        return acks.getLast();
    }

    /** Waits for the first post to the {@code response_url}. */
    public ResponsePost awaitResponse() {
        return awaitResponses(1, DEFAULT_WAIT).getFirst();
    }

    /** Waits until {@code count} posts to the {@code response_url} have arrived; answers all that have. */
    public synchronized List<ResponsePost> awaitResponses(int count, Duration wait) {
        waitFor(() -> responses.size() >= count, wait, count + " response_url posts");
        return List.copyOf(responses);
    }

    @Override
    public synchronized String toString() {
        return "Delivery[" + id + " " + kind + " team=" + teamId + " user=" + userId + " acks=" + acks + "]";
    }

    // ---- filled in by the local Slack

    synchronized int startAttempt() {
        return attemptsStarted++;
    }

    synchronized void settle(Ack ack) {
        acks.add(ack);
        notifyAll();
    }

    /** An answer that came after the attempt had timed out: kept for the record, the outcome stays. */
    synchronized void late(int attempt, Ack ack) {
        for (int i = 0; i < acks.size(); i++) {
            if (acks.get(i).attempt() == attempt) {
                acks.set(i, ack);
            }
        }
        notifyAll();
    }

    synchronized void finish() {
        finished = true;
        notifyAll();
    }

    synchronized void respond(ResponsePost post) {
        responses.add(post);
        notifyAll();
    }

    synchronized int acceptedResponses() {
        return (int) responses.stream().filter(ResponsePost::accepted).count();
    }

    private interface Condition {
        boolean holds();
    }

    private void waitFor(Condition condition, Duration wait, String what) {
        long deadline = System.nanoTime() + wait.toNanos();
        while (!condition.holds()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new IllegalStateException("waited " + wait + " for " + what + ": " + this);
            }
            try {
                wait(Math.max(1, left / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + what, e);
            }
        }
    }
}
