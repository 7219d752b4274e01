package dev.rapport.core.chat;

/**
 * The one way out of the core to a chat platform. Implemented by each adapter; the core's dispatcher
 * calls it from the outbox, never from a request thread.
 *
 * <p>It only sends. Updating a clicked message and opening a form are answers to an interaction
 * ({@link dev.rapport.core.checkin.InteractionResult}), because both platforms tie them to the interaction:
 * Slack opens a modal only with the click's {@code trigger_id}, Discord only as the interaction's response, and
 * each updates the clicked message through the interaction itself. DESIGN.md lists "update" and "open a form"
 * on the port; this is where they live instead.
 *
 * <p>Implementations must not throw for platform errors: they report them as a {@link SendResult} so
 * the dispatcher can retry, pace or give up. They must not log message contents or tokens.
 */
public interface ChatPort {

    /** The platform this port serves. */
    Platform platform();

    /** Sends a direct message. */
    SendResult send(Recipient recipient, ChatMessage message);

    /**
     * The most messages per second this port wants to be handed for one workspace, or 0 for no limit.
     * The dispatcher paces to it; the port still reports any 429 it receives.
     */
    default double maxSendsPerSecondPerWorkspace() {
        return 0;
    }
}
