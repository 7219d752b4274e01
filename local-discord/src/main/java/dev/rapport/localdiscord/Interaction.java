package dev.rapport.localdiscord;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * An interaction the local Discord dispatched to the bot, as a user's action produced it, and what the bot answered:
 * the initial response, follow-ups and edits. Waiting methods block the caller up to a timeout and fail with an
 * {@link AssertionError} that says what did arrive, so a test reads as what it expects.
 *
 * <pre>{@code
 * Interaction health = discord.as(GUILD, COORDINATOR).slashCommand("rapport", "health", Map.of());
 * InteractionResponse reply = health.awaitResponse();
 * assertThat(reply.ephemeral()).isTrue();
 * assertThat(reply.latency()).isLessThan(Duration.ofSeconds(3));
 * }</pre>
 */
public final class Interaction {

    /** How long the waiting methods wait when not told: a little more than Discord's 3 s acknowledgement window. */
    public static final Duration DEFAULT_WAIT = Duration.ofSeconds(5);

    private final World world;
    final InteractionState state;

    Interaction(World world, InteractionState state) {
        this.world = world;
        this.state = state;
    }

    /** The interaction's snowflake, minted at the real current time. */
    public long id() {
        return state.id;
    }

    /**
     * The interaction's token, which authorises its callback and follow-ups. It is a credential on Discord: tests that
     * call the REST API by hand need it, nothing should print it.
     */
    public String token() {
        return state.token;
    }

    /** Discord's interaction type: 2 application command, 3 message component, 4 autocomplete, 5 modal submit. */
    public int type() {
        return state.type;
    }

    /** The guild it happened in, or 0 in a DM. */
    public long guildId() {
        return state.guildId;
    }

    /** The channel it happened in (the user's DM channel for a DM). */
    public long channelId() {
        return state.channelId;
    }

    /** The user who acted. */
    public long userId() {
        return state.userId;
    }

    /** The INTERACTION_CREATE payload ({@code d}) exactly as dispatched. */
    public String payloadJson() {
        return state.payload.toString();
    }

    /** Whether the dispatch has reached the bot's connection (an interaction for a dropped shard waits for RESUME). */
    public boolean delivered() {
        return state.dispatched();
    }

    /** The bot's initial response (or its first attempt, if Discord refused it), if it has answered. */
    public Optional<InteractionResponse> response() {
        return state.responses().stream()
                .filter(r -> r.kind() == InteractionResponse.Kind.CALLBACK)
                .findFirst();
    }

    /** Waits up to {@link #DEFAULT_WAIT} for the initial response. */
    public InteractionResponse awaitResponse() {
        return awaitResponse(DEFAULT_WAIT);
    }

    /** Waits for the initial response (the first callback attempt, accepted or not). */
    public InteractionResponse awaitResponse(Duration timeout) {
        List<InteractionResponse> callbacks = await(InteractionResponse.Kind.CALLBACK, 1, timeout);
        return callbacks.getFirst();
    }

    /** Everything the bot answered to this interaction, in order: callback, follow-ups, edits, deletions. */
    public List<InteractionResponse> responses() {
        return state.responses();
    }

    /** The follow-ups ({@code POST webhooks/{app}/{token}}), in order. */
    public List<InteractionResponse> followUps() {
        return state.responses().stream()
                .filter(r -> r.kind() == InteractionResponse.Kind.FOLLOW_UP)
                .toList();
    }

    /** Waits until the bot has sent {@code count} follow-ups, and returns them. */
    public List<InteractionResponse> awaitFollowUps(int count, Duration timeout) {
        return await(InteractionResponse.Kind.FOLLOW_UP, count, timeout);
    }

    /** Waits until {@code count} responses of any kind have arrived, and returns them all. */
    public List<InteractionResponse> awaitResponses(int count, Duration timeout) {
        return await(null, count, timeout);
    }

    /**
     * The original response message in its current state: the reply (type 4, or 5 once edited), or for a component's
     * update (types 6 and 7) the message the component is on.
     */
    public Optional<DiscordMessage> originalMessage() {
        long id;
        synchronized (world) {
            id = state.originalMessageId;
        }
        return id == 0 ? Optional.empty() : world.message(id);
    }

    /** For a click, the message the button is on, in its current state; for a modal opened from one, that message. */
    public Optional<DiscordMessage> sourceMessage() {
        return state.sourceMessageId == 0 ? Optional.empty() : world.message(state.sourceMessageId);
    }

    private List<InteractionResponse> await(InteractionResponse.Kind kind, int count, Duration timeout) {
        List<InteractionResponse> got;
        try {
            got = state.await(kind, count, timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the bot", e);
        }
        if (got.size() < count) {
            String what = kind == null
                    ? "responses"
                    : kind.toString().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + "s";
            throw new AssertionError("expected " + count + " " + what + " to " + describe() + " within " + timeout
                    + " but got " + got.size() + (delivered() ? "" : "; the dispatch never reached the bot")
                    + "; everything it answered: " + state.responses());
        }
        return got;
    }

    private String describe() {
        String kind = switch (state.type) {
            case Interactions.APPLICATION_COMMAND -> "slash command";
            case Interactions.MESSAGE_COMPONENT -> "click";
            case Interactions.AUTOCOMPLETE -> "autocomplete";
            case Interactions.MODAL_SUBMIT -> "modal submission";
            default -> "interaction";
        };
        return "the " + kind + " " + Json.id(state.id);
    }

    @Override
    public String toString() {
        return "Interaction[" + describe() + " by " + Json.id(state.userId) + "]";
    }
}
