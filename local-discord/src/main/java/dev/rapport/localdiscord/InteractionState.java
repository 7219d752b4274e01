package dev.rapport.localdiscord;

import com.google.gson.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One interaction the local Discord created: its payload, its place, and everything the bot answered to it. The
 * answer fields change under the {@link World}'s lock; {@link #responses} is also guarded by this object's monitor,
 * which waiters use.
 */
final class InteractionState {

    final long id;
    final String token;
    final int type;
    final JsonObject payload;
    final long guildId;
    final long channelId;
    final long userId;
    /** The message a component was on, or that a modal opened from a component belongs to; 0 otherwise. */
    final long sourceMessageId;
    /** When it was created, on the local Discord's clock: follow-ups are allowed for 15 minutes from here. */
    final Instant createdAt;

    /** When the dispatch first reached the bot's socket, on the clock; the 3 s deadline runs from here. */
    volatile Instant dispatchedAt;

    volatile long dispatchedNanos;

    // Guarded by the World's lock.
    boolean acknowledged;
    int initialType;
    long originalMessageId;
    JsonObject modal;
    final Set<Long> followUps = new LinkedHashSet<>();

    private final List<InteractionResponse> responses = new ArrayList<>();

    InteractionState(
            long id,
            String token,
            int type,
            JsonObject payload,
            long guildId,
            long channelId,
            long userId,
            long sourceMessageId,
            Instant createdAt) {
        this.id = id;
        this.token = token;
        this.type = type;
        this.payload = payload;
        this.guildId = guildId;
        this.channelId = channelId;
        this.userId = userId;
        this.sourceMessageId = sourceMessageId;
        this.createdAt = createdAt;
    }

    /** Called by the gateway when the INTERACTION_CREATE dispatch is written to a client, live or on resume. */
    void markDispatched(Instant at) {
        if (dispatchedAt == null) {
            dispatchedNanos = System.nanoTime();
            dispatchedAt = at;
        }
    }

    /** The dispatch did not reach the bot after all (its connection had just gone): it is replayed on resume. */
    void unmarkDispatched() {
        dispatchedAt = null;
    }

    boolean dispatched() {
        return dispatchedAt != null;
    }

    /** Real time since the dispatch reached the bot: what the adapter spent. */
    Duration sinceDispatch() {
        return dispatchedAt == null ? Duration.ZERO : Duration.ofNanos(System.nanoTime() - dispatchedNanos);
    }

    void add(InteractionResponse response) {
        synchronized (this) {
            responses.add(response);
            notifyAll();
        }
    }

    List<InteractionResponse> responses() {
        synchronized (this) {
            return List.copyOf(responses);
        }
    }

    /** Waits until at least {@code count} responses of the kind (any, when null) are recorded, or the time is up. */
    List<InteractionResponse> await(InteractionResponse.Kind kind, int count, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (this) {
            while (true) {
                List<InteractionResponse> matching = responses.stream()
                        .filter(r -> kind == null || r.kind() == kind)
                        .toList();
                if (matching.size() >= count) {
                    return matching;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return matching;
                }
                wait(Math.max(1, left / 1_000_000));
            }
        }
    }
}
