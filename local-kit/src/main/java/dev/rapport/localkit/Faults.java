package dev.rapport.localkit;

import java.time.Duration;
import java.util.Optional;

/**
 * The faults a local platform can inject, named the same on both: a test written against the local Slack reads the same
 * as one against the local Discord. Each platform adds its own on top (Discord's rate-limited messages and gateway
 * opcodes, Slack's {@code disconnect} message), under names of the same kind.
 *
 * @param <U> how the platform identifies a person: Slack's user id ({@code String}), Discord's snowflake
 *     ({@code Long})
 */
public interface Faults<U> {

    /** The next {@code count} API calls, whatever they are, answer HTTP {@code status}, a 5xx, before anything else. */
    void failNextCalls(int count, int status);

    /** Every API answer waits this long before it is sent (a slow platform); {@link Duration#ZERO} to stop. */
    void delayResponses(Duration wait);

    /**
     * The person no longer takes direct messages from the app, with the error the platform gives for it (Slack:
     * {@code cannot_dm_user}; Discord: 403 with code 50007), until {@link #openDirectMessages}.
     */
    void closeDirectMessages(U user);

    /** Undoes {@link #closeDirectMessages}: the person takes direct messages again. */
    void openDirectMessages(U user);

    /**
     * The platform is down until {@link #endOutage()}, the way {@code kind} says. An outage of another kind already
     * under way ends first.
     */
    void startOutage(Outage kind);

    /** {@link #startOutage(Outage)} with {@link Outage#UNAVAILABLE}: every API call answers 503. */
    default void startOutage() {
        startOutage(Outage.UNAVAILABLE);
    }

    /** The platform is back: the same URLs answer again. Nothing happens if no outage is under way. */
    void endOutage();

    /** The outage under way, if any. */
    Optional<Outage> outage();

    /**
     * Drops every push connection (Slack's Socket Mode, Discord's gateway) without a close handshake, as a network
     * failure would. The client must notice and connect again; nothing else changes.
     */
    void dropConnections();
}
