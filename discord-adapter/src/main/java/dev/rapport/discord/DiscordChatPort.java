package dev.rapport.discord;

import dev.rapport.core.chat.ChatMessage;
import dev.rapport.core.chat.ChatPort;
import dev.rapport.core.chat.Platform;
import dev.rapport.core.chat.Recipient;
import dev.rapport.core.chat.SendResult;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.channel.concrete.PrivateChannel;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.requests.ErrorResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The core's {@link ChatPort} on Discord's REST API, through JDA: a direct message is {@code POST users/@me/channels}
 * (once per person: the DM channel is cached) then {@code POST channels/{id}/messages} with the payload from
 * {@link DiscordRenderer}.
 *
 * <p>Sends are paced here to Discord's global limit ({@link DiscordPacer}: the dispatcher paces per workspace, and
 * the global limit spans every guild), and each request goes through JDA's queue, which honours the per-route buckets
 * and retries a 429 after its {@code Retry-After} ({@link Calls}). Every call is bounded: a bucket that stays empty
 * past the call timeout, or a pacer backlog longer than it, comes back as {@link SendResult.RateLimited} with nothing
 * sent, so the dispatcher keeps the row and tries again later, and nothing is lost or sent twice. What Discord says
 * becomes a {@link SendResult}:
 *
 * <ul>
 *   <li>the message → {@link SendResult.Sent} with its id;
 *   <li>the bot not connected (yet, or any more) → {@link SendResult.RateLimited}: nothing is wrong with the message,
 *       and it must not use up its attempts during an outage;
 *   <li>403, among them 50007 "Cannot send messages to this user" (DMs closed, no server in common) →
 *       {@link SendResult.Unreachable}: retrying only adds invalid requests, which Discord answers with a temporary
 *       ban of the bot's IP at 10,000 in ten minutes. The core records it and sends nothing more until they use
 *       Rapport again;
 *   <li>10013 unknown user → {@link SendResult.Unreachable}; 10003 unknown channel → the cached channel is dropped and
 *       the send retried later ({@link SendResult.TransientFailure});
 *   <li>other 4xx (an invalid body) → {@link SendResult.PermanentFailure}: the same payload will never be accepted;
 *   <li>401 → {@link SendResult.TransientFailure} saying the token must be fixed;
 *   <li>5xx (after JDA's own retries), network errors and timeouts → {@link SendResult.TransientFailure}.
 * </ul>
 *
 * <p>It never throws, and never logs message contents or the token: reasons name the route and Discord's code only.
 */
public final class DiscordChatPort implements ChatPort {

    /** How many DM channels are remembered; beyond it the least recently used is forgotten and reopened on need. */
    static final int DM_CACHE_SIZE = 10_000;

    /** How long a message waits before it is tried again while the bot is not connected. */
    static final Duration NOT_CONNECTED_WAIT = Duration.ofSeconds(30);

    private static final Logger log = LoggerFactory.getLogger(DiscordChatPort.class);

    private final Supplier<JDA> rest;
    private final DiscordPacer pacer;
    private final Duration callTimeout;
    private final DiscordRenderer renderer = new DiscordRenderer();
    private final LongAdder requests = new LongAdder();
    private final Map<String, PrivateChannel> dmChannels =
            Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, PrivateChannel> eldest) {
                    return size() > DM_CACHE_SIZE;
                }
            });

    /**
     * @param rest the JDA instance to call the REST API with, or null while Discord is not connected
     * @param pacer the pace shared by everything that spends requests under the global limit
     * @param callTimeout the longest a send may wait for its turn, and each request may take
     */
    DiscordChatPort(Supplier<JDA> rest, DiscordPacer pacer, Duration callTimeout) {
        this.rest = rest;
        this.pacer = pacer;
        this.callTimeout = callTimeout;
    }

    @Override
    public Platform platform() {
        return Platform.DISCORD;
    }

    /**
     * No pace per workspace: Discord's limit is global, and this port keeps to it itself, whichever guilds the
     * messages go to.
     */
    @Override
    public double maxSendsPerSecondPerWorkspace() {
        return 0;
    }

    /** The REST requests this port has made (DM channels opened and messages posted), for benchmarks. */
    public long requests() {
        return requests.sum();
    }

    @Override
    public SendResult send(Recipient recipient, ChatMessage message) {
        JDA jda = rest.get();
        if (jda == null) {
            // Not a failure of this message: it waits in the outbox, its attempts untouched, until the bot is
            // connected.
            return new SendResult.RateLimited(NOT_CONNECTED_WAIT);
        }
        long userId;
        try {
            userId = Long.parseUnsignedLong(recipient.userId());
        } catch (NumberFormatException e) {
            return logged(recipient, new SendResult.PermanentFailure("Discord: a user id is a number, not this one"));
        }
        PrivateChannel channel = dmChannels.get(recipient.userId());
        if (channel != null && channel.getJDA() != jda) {
            // Opened by a JDA that has since been replaced (a restart): its requests would go nowhere.
            channel = null;
        }
        if (channel == null) {
            if (!pacer.acquire(callTimeout)) {
                return new SendResult.RateLimited(pacer.backlog());
            }
            requests.increment();
            Calls.Outcome<PrivateChannel> opened = Calls.await(jda.openPrivateChannelById(userId), callTimeout);
            if (!opened.ok()) {
                return logged(recipient, fromFailure("POST users/@me/channels", opened.failure()));
            }
            channel = opened.value();
            dmChannels.put(recipient.userId(), channel);
        }
        if (!pacer.acquire(callTimeout)) {
            return new SendResult.RateLimited(pacer.backlog());
        }
        requests.increment();
        Calls.Outcome<Message> posted = Calls.await(channel.sendMessage(renderer.create(message)), callTimeout);
        if (posted.ok()) {
            return new SendResult.Sent(posted.value().getId());
        }
        SendResult failed = fromFailure("POST channels/{id}/messages", posted.failure());
        if (posted.failure() instanceof Calls.Failure.Refused r
                && r.error().getErrorCode() == ErrorResponse.UNKNOWN_CHANNEL.getCode()) {
            // The cached channel is gone: the next attempt opens the DM afresh.
            dmChannels.remove(recipient.userId());
        }
        return logged(recipient, failed);
    }

    /** What a failed call means for the message, by Discord's answer. */
    static SendResult fromFailure(String route, Calls.Failure failure) {
        return switch (failure) {
            case Calls.Failure.NotSent n -> new SendResult.RateLimited(Duration.ofSeconds(1));
            case Calls.Failure.Unknown u ->
                new SendResult.TransientFailure(
                        "Discord " + route + ": " + u.cause().getClass().getSimpleName());
            case Calls.Failure.Refused r -> fromError(route, r.error());
        };
    }

    static SendResult fromError(String route, ErrorResponseException e) {
        int status = Calls.status(e);
        String why = "Discord " + route + ": HTTP " + status + " code " + e.getErrorCode();
        if (e.getErrorCode() == ErrorResponse.UNKNOWN_USER.getCode()) {
            return new SendResult.Unreachable(why + " (unknown user)");
        }
        if (e.getErrorCode() == ErrorResponse.UNKNOWN_CHANNEL.getCode()) {
            return new SendResult.TransientFailure(why + " (unknown channel; reopened next time)");
        }
        if (status == 403) {
            return new SendResult.Unreachable(why + " (" + e.getMeaning() + ")");
        }
        if (status == 401) {
            return new SendResult.TransientFailure(
                    why + ": Discord rejected the bot token; an operator must set a valid RAPPORT_DISCORD_TOKEN");
        }
        if (status == 429) {
            return new SendResult.RateLimited(Duration.ofSeconds(1));
        }
        if (status >= 400 && status < 500) {
            return new SendResult.PermanentFailure(why + " (" + e.getMeaning() + ")");
        }
        return new SendResult.TransientFailure(why);
    }

    private static SendResult logged(Recipient recipient, SendResult result) {
        switch (result) {
            case SendResult.Unreachable u ->
                log.warn("Discord DM to user {} is impossible, marked unreachable: {}", recipient.userId(), u.reason());
            case SendResult.PermanentFailure f ->
                log.warn("Discord DM to user {} failed for good: {}", recipient.userId(), f.reason());
            case SendResult.TransientFailure f ->
                log.info("Discord DM to user {} failed, will retry: {}", recipient.userId(), f.reason());
            case SendResult.RateLimited r -> log.debug("Discord rate-limited a DM: retry after {}", r.retryAfter());
            case SendResult.Sent s -> {}
        }
        return result;
    }
}
