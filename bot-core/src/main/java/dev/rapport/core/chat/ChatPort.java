package dev.rapport.core.chat;

/**
 * The one way out of the core to a chat platform. Implemented by each adapter; the core's dispatcher
 * calls it from the outbox, never from a request thread.
 *
 * <p>It only sends. Updating a clicked message and opening a form are answers to an interaction
 * ({@link dev.rapport.core.chat.InteractionResult}), because both platforms tie them to the interaction:
 * Slack opens a modal only with the click's {@code trigger_id}, Discord only as the interaction's response, and
 * each updates the clicked message through the interaction itself. That is why "update" and "open a form" are not
 * methods of the port.
 *
 * <p>Implementations must not throw for platform errors: they report them as a {@link SendResult} so
 * the dispatcher can retry, wait for the platform or give up. They must not log message contents or tokens.
 */
public interface ChatPort {

    /** The platform this port serves. */
    Platform platform();

    /**
     * Sends a direct message, at most once for its {@code key}: the port puts the key into the message where the
     * platform can recognise it, and when {@link SendKey#inDoubt()} it first makes sure an earlier attempt did not
     * arrive. The port keeps to the platform's rate limits itself, through the limits it shares with every instance
     * of Rapport, and reports a wait too long to make as {@link SendResult.RateLimited}.
     */
    SendResult send(Recipient recipient, ChatMessage message, SendKey key);

    /**
     * Asks the platform, cheaply and without messaging anyone, whether it works again for {@code workspaceId} (for
     * the whole platform when the port's outages are platform-wide) after a send met {@link SendResult.Unavailable}.
     * Slack: {@code auth.test} with that workspace's token; Discord: the bot's own user.
     */
    Probe probe(String workspaceId);

    /** The answer to {@link #probe}: available, or why not. */
    record Probe(boolean available, String reason) {

        public static Probe up() {
            return new Probe(true, null);
        }

        public static Probe down(String reason) {
            return new Probe(false, reason);
        }
    }
}
