package dev.rapport.discord;

import dev.rapport.core.chat.ChatMessage;
import dev.rapport.core.chat.ChatPort;
import dev.rapport.core.chat.Platform;
import dev.rapport.core.chat.Recipient;
import dev.rapport.core.chat.SendKey;
import dev.rapport.core.chat.SendResult;
import dev.rapport.core.chat.SendResult.Unavailable.Scope;
import java.time.Duration;
import java.time.Instant;
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
 * {@link DiscordRenderer}, the outbox row's id as its {@code nonce} and {@code enforce_nonce}: Discord returns the
 * message already created with that nonce, for a few minutes, instead of creating a second. So a message whose earlier
 * send has an unknown outcome (a crash, a timeout) is simply sent again, promptly, and Discord drops the copy.
 *
 * <p>Sends take their turns under Discord's global limit, shared by every instance ({@link DiscordPacer}), and each
 * request goes through JDA's queue, which honours the per-route buckets and retries a 429 after its
 * {@code Retry-After} ({@link Calls}). Every call is bounded: a turn or a bucket that stays out of reach past the call
 * timeout comes back as {@link SendResult.RateLimited} with nothing sent. What Discord says becomes a
 * {@link SendResult}:
 *
 * <ul>
 *   <li>the message → {@link SendResult.Sent} with its id;
 *   <li>no connection (before the login, or stopping: JDA refuses the request) → {@link SendResult.NotConnected}:
 *       nothing was sent, and the message waits as for a short outage;
 *   <li>Discord failing as a whole: 401 (the token), 5xx after JDA's
 *       own retries, network errors and timeouts → {@link SendResult.Unavailable} for the whole platform (the bot's
 *       limits and token are global): the message waits and spends no attempt; a post that may have reached Discord
 *       says so;
 *   <li>403, among them 50007 "Cannot send messages to this user" (DMs closed, no server in common), and 10013 unknown
 *       user → {@link SendResult.Unreachable}: retrying only adds invalid requests, which Discord answers with a
 *       temporary ban of the bot's IP at 10,000 in ten minutes;
 *   <li>10003 unknown channel → the cached channel is dropped and the send retried later
 *       ({@link SendResult.TransientFailure});
 *   <li>other 4xx (an invalid body) → {@link SendResult.PermanentFailure}: the same payload will never be accepted.
 * </ul>
 *
 * <p>It never throws, and never logs message contents or the token: reasons name the route and Discord's code only.
 */
public final class DiscordChatPort implements ChatPort {

    /** How many DM channels are remembered; beyond it the least recently used is forgotten and reopened on need. */
    static final int DM_CACHE_SIZE = 10_000;

    static final String NOT_CONNECTED = "Discord: not connected";

    /** How long a message waits after its turn under the global limit was out of reach. */
    static final Duration TURN_WAIT = Duration.ofSeconds(1);

    private static final Logger log = LoggerFactory.getLogger(DiscordChatPort.class);

    private final Supplier<JDA> rest;
    private final DiscordPacer pacer;
    private final Duration callTimeout;
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
     * @param pacer the turns under the bot's global limit, shared by everything that spends requests in bulk
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

    /** The REST requests this port has made (DM channels opened and messages posted), for benchmarks. */
    public long requests() {
        return requests.sum();
    }

    @Override
    public SendResult send(Recipient recipient, ChatMessage message, SendKey key) {
        JDA jda = rest.get();
        if (jda == null) {
            // Not a failure of this message: it waits in the outbox, its attempts untouched, until the bot is back.
            return new SendResult.NotConnected(NOT_CONNECTED);
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
                return new SendResult.RateLimited(TURN_WAIT);
            }
            requests.increment();
            Calls.Outcome<PrivateChannel> opened = Calls.await(jda.openPrivateChannelById(userId), callTimeout);
            if (!opened.ok()) {
                return logged(recipient, fromFailure("POST users/@me/channels", opened.failure(), false));
            }
            channel = opened.value();
            dmChannels.put(recipient.userId(), channel);
        }
        if (!pacer.acquire(callTimeout)) {
            return new SendResult.RateLimited(TURN_WAIT);
        }
        requests.increment();
        Instant began = Instant.now();
        Calls.Outcome<Message> posted = Calls.await(
                channel.sendMessage(new DiscordRenderer(recipient.language()).create(message))
                        .setNonce(nonce(key)),
                callTimeout);
        if (posted.ok()) {
            Message m = posted.value();
            // Discord answers a repeated nonce with the message it already made: older than this request.
            boolean alreadyThere =
                    key.inDoubt() && m.getTimeCreated().toInstant().isBefore(began.minusSeconds(1));
            return logged(recipient, new SendResult.Sent(m.getId(), alreadyThere));
        }
        SendResult failed = fromFailure("POST channels/{id}/messages", posted.failure(), true);
        if (posted.failure() instanceof Calls.Failure.Refused r
                && r.error().getErrorCode() == ErrorResponse.UNKNOWN_CHANNEL.getCode()) {
            // The cached channel is gone: the next attempt opens the DM afresh.
            dmChannels.remove(recipient.userId());
        }
        return logged(recipient, failed);
    }

    /** The outbox row's id: unique for ever, and well inside Discord's 25 characters. */
    static String nonce(SendKey key) {
        return Long.toString(key.outboxId());
    }

    /** Discord's own user for the bot ({@code GET users/@me}, which JDA times as its REST ping). */
    @Override
    public Probe probe(String workspaceId) {
        JDA jda = rest.get();
        if (jda == null) {
            return Probe.down(NOT_CONNECTED);
        }
        Calls.Outcome<Long> ping = Calls.await(jda.getRestPing(), callTimeout);
        return ping.ok() ? Probe.up() : Probe.down("Discord GET users/@me: " + Calls.describe(ping.failure()));
    }

    /**
     * What a failed call means for the message, by Discord's answer.
     *
     * @param posting whether the call creates the message, so a failure may hide a created one
     */
    static SendResult fromFailure(String route, Calls.Failure failure, boolean posting) {
        return switch (failure) {
            case Calls.Failure.NotSent n -> new SendResult.RateLimited(TURN_WAIT);
            case Calls.Failure.Stopping s -> new SendResult.NotConnected("Discord " + route + ": JDA is shutting down");
            case Calls.Failure.Unknown u ->
                new SendResult.Unavailable(
                        Scope.PLATFORM,
                        "Discord " + route + ": " + u.cause().getClass().getSimpleName(),
                        posting);
            case Calls.Failure.Refused r -> fromError(route, r.error(), posting);
        };
    }

    static SendResult fromError(String route, ErrorResponseException e, boolean posting) {
        int status = Calls.status(e);
        if (status <= 0) {
            // JDA reports a request that got no HTTP answer at all (a refused or broken connection) this way.
            return new SendResult.Unavailable(Scope.PLATFORM, "Discord " + route + ": no answer", posting);
        }
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
            return new SendResult.Unavailable(
                    Scope.PLATFORM,
                    why + ": Discord rejected the bot token; an operator must set a valid RAPPORT_DISCORD_TOKEN",
                    false);
        }
        if (status == 429) {
            return new SendResult.RateLimited(TURN_WAIT);
        }
        if (status >= 400 && status < 500) {
            return new SendResult.PermanentFailure(why + " (" + e.getMeaning() + ")");
        }
        // A gateway that answered 502/503/504 passed nothing on; a 500 may have come after the message was made.
        boolean mayHaveArrived = posting && status != 502 && status != 503 && status != 504;
        return new SendResult.Unavailable(Scope.PLATFORM, why, mayHaveArrived);
    }

    /**
     * Logs what concerns one person. Outages are not logged here: the dispatcher logs each outage once, where a line
     * per message would flood the log for the length of it.
     */
    private static SendResult logged(Recipient recipient, SendResult result) {
        switch (result) {
            case SendResult.Unreachable u ->
                log.warn("Discord DM to user {} is impossible, marked unreachable: {}", recipient.userId(), u.reason());
            case SendResult.PermanentFailure f ->
                log.warn("Discord DM to user {} failed for good: {}", recipient.userId(), f.reason());
            case SendResult.TransientFailure f ->
                log.info("Discord DM to user {} failed, will retry: {}", recipient.userId(), f.reason());
            case SendResult.Sent s
            when s.alreadyThere() ->
                log.info(
                        "Discord returned the DM to user {} made by an earlier send with the same nonce: not sent again",
                        recipient.userId());
            case SendResult.RateLimited r -> log.debug("Discord rate-limited a DM: retry after {}", r.retryAfter());
            case SendResult.Unavailable u -> log.debug("Discord unavailable: {}", u.reason());
            case SendResult.NotConnected n -> log.debug("Discord DM not sent: {}", n.reason());
            case SendResult.Sent s -> {}
        }
        return result;
    }
}
