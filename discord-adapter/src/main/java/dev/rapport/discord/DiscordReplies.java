package dev.rapport.discord;

import dev.rapport.core.chat.ChatMessage;
import dev.rapport.core.command.Reply;
import dev.rapport.core.i18n.Catalogue;
import java.time.Duration;
import java.util.Locale;
import net.dv8tion.jda.api.interactions.InteractionHook;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How Rapport's answers reach a person on Discord once an interaction has been acknowledged: through the interaction's
 * hook, which Discord accepts for 15 minutes after the interaction and which needs no bot-token request (so it never
 * counts against the global limit). A command's reply replaces the deferred "Rapport is thinking…" message, ephemeral
 * as the deferral was; a reply meant for everyone ({@link Reply#ephemeral()} false) is a follow-up of its own in the
 * channel. A clicked message is edited in place. A notice is an ephemeral follow-up that only the person sees.
 *
 * <p>Each call waits for Discord's answer (bounded), so the work of an interaction is finished when it returns: a
 * graceful shutdown that waits for the work therefore also waits for the answers. Failures are logged with the route
 * and Discord's code only, never contents.
 */
final class DiscordReplies {

    private static final Logger log = LoggerFactory.getLogger(DiscordReplies.class);

    private final Duration callTimeout;

    DiscordReplies(Duration callTimeout) {
        this.callTimeout = callTimeout;
    }

    /**
     * A command's reply, after {@code deferReply(true)}. Each method takes the {@code language} of the person answered,
     * for the adapter's own words around the core's.
     */
    void reply(InteractionHook hook, Reply reply, Locale language) {
        DiscordRenderer renderer = new DiscordRenderer(language);
        if (reply.ephemeral()) {
            done(
                    "editing a deferred reply",
                    Calls.await(hook.editOriginal(renderer.edit(reply.message())), callTimeout));
            return;
        }
        // The deferral was private, and Discord keeps the first message's visibility: say where the answer is, then
        // post it for the channel.
        done(
                "editing a deferred reply",
                Calls.await(
                        hook.editOriginal(renderer.edit(
                                ChatMessage.text(Catalogue.standard().text(language, "discord.posted-in-channel")))),
                        callTimeout));
        done(
                "a follow-up",
                Calls.await(hook.sendMessage(renderer.create(reply.message())).setEphemeral(false), callTimeout));
    }

    /** Replaces the message the interaction came from (after {@code deferEdit()}), or its deferred reply. */
    void update(InteractionHook hook, ChatMessage message, Locale language) {
        DiscordRenderer renderer = new DiscordRenderer(language);
        done("editing a message", Calls.await(hook.editOriginal(renderer.edit(message)), callTimeout));
    }

    /** A private note to the person who acted. */
    void notice(InteractionHook hook, String text, Locale language) {
        DiscordRenderer renderer = new DiscordRenderer(language);
        done(
                "a private notice",
                Calls.await(
                        hook.sendMessage(renderer.create(ChatMessage.text(text)))
                                .setEphemeral(true),
                        callTimeout));
    }

    /** A whole message for the person who acted alone, after the one they acted on (a command's answer to a tap). */
    void privately(InteractionHook hook, ChatMessage message, Locale language) {
        DiscordRenderer renderer = new DiscordRenderer(language);
        done(
                "a private reply",
                Calls.await(hook.sendMessage(renderer.create(message)).setEphemeral(true), callTimeout));
    }

    private static void done(String what, Calls.Outcome<?> outcome) {
        if (!outcome.ok()) {
            log.warn("Discord refused {}: {}", what, Calls.describe(outcome.failure()));
        }
    }
}
