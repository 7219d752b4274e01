package dev.rapport.localdiscord;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code nonce} and {@code enforce_nonce} on Create Message with plain HTTP and a bare gateway client: the checks,
 * the de-duplication window on the builder's clock, and where the nonce shows (the create answer and MESSAGE_CREATE,
 * not a fetch).
 */
class LocalDiscordNonceTest {

    static final long GUILD = Snowflakes.forShard(0, 1, 13);
    static final long GENERAL = GUILD + 1;
    static final long ANA = 1_300_000_000_000_000_001L;
    static final long BEN = 1_300_000_000_000_000_002L;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-24T17:00:00Z"));
    private final List<AutoCloseable> open = new ArrayList<>();
    private LocalDiscord discord;
    private Http http;

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable c : open) {
            c.close();
        }
        if (http != null) {
            http.close();
        }
        if (discord != null) {
            discord.close();
        }
    }

    /** The clock only moves when a test moves it, so the per-channel bucket is widened past what a test sends. */
    private void start(LocalDiscord.Builder builder) {
        discord = builder.clock(clock)
                .rateLimit(Bucket.CREATE_MESSAGE, 100, Duration.ofSeconds(5))
                .guild(
                        GUILD,
                        "Residency",
                        g -> g.textChannel(GENERAL, "general")
                                .member(ANA, "ana", "Ana")
                                .member(BEN, "ben", "Ben"))
                .start();
        http = new Http(discord);
    }

    private void start() {
        start(LocalDiscord.builder());
    }

    private long dm(long userId) {
        return http.post("users/@me/channels", "{\"recipient_id\":\"" + userId + "\"}")
                .object()
                .get("id")
                .getAsLong();
    }

    private Http.Reply send(long channel, String json) {
        return http.post("channels/" + channel + "/messages", json);
    }

    private static String enforced(String content, String nonceJson) {
        return "{\"content\":\"" + content + "\",\"nonce\":" + nonceJson + ",\"enforce_nonce\":true}";
    }

    private static String errorCode(Http.Reply r, String field) {
        return r.object()
                .getAsJsonObject("errors")
                .getAsJsonObject(field)
                .getAsJsonArray("_errors")
                .get(0)
                .getAsJsonObject()
                .get("code")
                .getAsString();
    }

    @Test
    void a_retry_with_the_same_enforced_nonce_is_answered_with_the_first_message_and_creates_nothing() {
        start();
        long dm = dm(BEN);

        Http.Reply first = send(dm, enforced("Did you meet this week?", "\"outbox-41\""));
        Http.Reply retry = send(dm, enforced("Did you meet this week?", "\"outbox-41\""));

        assertThat(first.status()).isEqualTo(200);
        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.object().get("id")).isEqualTo(first.object().get("id"));
        assertThat(retry.object().get("nonce").getAsString()).isEqualTo("outbox-41");
        assertThat(discord.messagesTo(BEN))
                .singleElement()
                .satisfies(m -> assertThat(m.content()).isEqualTo("Did you meet this week?"));
        assertThat(discord.messages()).hasSize(1);
        assertThat(discord.deduplicatedMessages()).isEqualTo(1);
        assertThat(discord.callsTo(Endpoint.CREATE_MESSAGE)).isEqualTo(2);
    }

    @Test
    void the_earlier_message_is_returned_as_it_is_now_even_when_the_retry_says_something_else() {
        start();
        long dm = dm(BEN);
        JsonObject first = send(dm, enforced("First wording", "\"outbox-7\"")).object();
        http.send(
                "PATCH",
                "channels/" + dm + "/messages/" + first.get("id").getAsString(),
                "{\"content\":\"Edited wording\"}",
                "Bot " + discord.botToken());

        JsonObject retry = send(dm, enforced("Other wording", "\"outbox-7\"")).object();

        assertThat(retry.get("id")).isEqualTo(first.get("id"));
        assertThat(retry.get("content").getAsString()).isEqualTo("Edited wording");
        assertThat(discord.messagesTo(BEN)).hasSize(1);
    }

    @Test
    void in_multipart_the_nonce_and_enforce_nonce_are_read_from_payload_json() {
        start();
        long dm = dm(ANA);
        String payload = "{\"content\":\"Your export\",\"nonce\":\"outbox-9\",\"enforce_nonce\":true,"
                + "\"attachments\":[{\"id\":0,\"filename\":\"export.csv\"}]}";
        byte[] csv = "pair,score\n1,5\n".getBytes(StandardCharsets.UTF_8);

        Http.Reply first = http.multipart("POST", "channels/" + dm + "/messages", payload, "export.csv", csv);
        Http.Reply retry = http.multipart("POST", "channels/" + dm + "/messages", payload, "export.csv", csv);

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.object().get("nonce").getAsString()).isEqualTo("outbox-9");
        assertThat(retry.object().get("id")).isEqualTo(first.object().get("id"));
        assertThat(discord.messagesTo(ANA))
                .singleElement()
                .satisfies(m -> assertThat(m.attachments()).hasSize(1));
    }

    @Test
    void without_enforce_nonce_the_same_nonce_creates_another_message_and_is_not_remembered() {
        start();
        long dm = dm(BEN);

        send(dm, "{\"content\":\"one\",\"nonce\":\"outbox-1\"}");
        send(dm, "{\"content\":\"two\",\"nonce\":\"outbox-1\",\"enforce_nonce\":false}");
        send(dm, enforced("three", "\"outbox-1\""));

        assertThat(discord.messagesTo(BEN)).extracting(DiscordMessage::content).containsExactly("one", "two", "three");
        assertThat(discord.deduplicatedMessages()).isZero();
    }

    @Test
    void the_window_is_two_minutes_by_default_and_runs_on_the_builders_clock() {
        start();
        long dm = dm(BEN);
        JsonObject first = send(dm, enforced("check-in", "\"outbox-5\"")).object();

        clock.advance(Duration.ofMinutes(2).minusMillis(1));
        JsonObject withinWindow = send(dm, enforced("check-in", "\"outbox-5\"")).object();
        clock.advance(Duration.ofMillis(1));
        JsonObject afterWindow = send(dm, enforced("check-in", "\"outbox-5\"")).object();
        JsonObject retryOfThat = send(dm, enforced("check-in", "\"outbox-5\"")).object();

        assertThat(discord.nonceWindow())
                .isEqualTo(LocalDiscord.DEFAULT_NONCE_WINDOW)
                .isEqualTo(Duration.ofMinutes(2));
        assertThat(withinWindow.get("id")).isEqualTo(first.get("id"));
        assertThat(afterWindow.get("id")).isNotEqualTo(first.get("id"));
        assertThat(retryOfThat.get("id")).isEqualTo(afterWindow.get("id"));
        assertThat(discord.messagesTo(BEN)).hasSize(2);
    }

    @Test
    void the_window_is_a_builder_setting() {
        start(LocalDiscord.builder().nonceWindow(Duration.ofSeconds(10)));
        long dm = dm(BEN);
        send(dm, enforced("check-in", "\"outbox-5\""));

        clock.advance(Duration.ofSeconds(10));
        send(dm, enforced("check-in", "\"outbox-5\""));

        assertThat(discord.nonceWindow()).isEqualTo(Duration.ofSeconds(10));
        assertThat(discord.messagesTo(BEN)).hasSize(2);
    }

    @Test
    void a_nonce_is_unique_per_author_so_the_same_nonce_in_another_channel_returns_the_first_message() {
        start();
        long dm = dm(BEN);
        JsonObject inDm = send(dm, enforced("to Ben", "\"outbox-3\"")).object();

        JsonObject inGuild =
                send(GENERAL, enforced("to everyone", "\"outbox-3\"")).object();

        assertThat(inGuild.get("id")).isEqualTo(inDm.get("id"));
        assertThat(inGuild.get("channel_id").getAsString()).isEqualTo(Long.toString(dm));
        assertThat(discord.messagesIn(GENERAL)).isEmpty();
    }

    @Test
    void an_integer_nonce_is_kept_as_an_integer_and_differs_from_the_same_digits_as_a_string() {
        start();
        long dm = dm(BEN);

        JsonObject asInteger = send(dm, enforced("one", "1234567890123456789")).object();
        JsonObject again = send(dm, enforced("one", "1234567890123456789")).object();
        JsonObject asString =
                send(dm, enforced("two", "\"1234567890123456789\"")).object();

        assertThat(asInteger.get("nonce").getAsJsonPrimitive().isNumber()).isTrue();
        assertThat(asInteger.get("nonce").getAsLong()).isEqualTo(1234567890123456789L);
        assertThat(again.get("id")).isEqualTo(asInteger.get("id"));
        assertThat(asString.get("id")).isNotEqualTo(asInteger.get("id"));
        assertThat(asString.get("nonce").getAsJsonPrimitive().isString()).isTrue();
    }

    @Test
    void a_nonce_that_is_too_long_or_not_a_string_or_integer_is_refused_with_invalid_form_body() {
        start();
        long dm = dm(BEN);

        Http.Reply tooLong = send(dm, enforced("x", "\"" + "n".repeat(26) + "\""));
        Http.Reply longest = send(dm, enforced("x", "\"" + "n".repeat(25) + "\""));
        Http.Reply fraction = send(dm, enforced("x", "1.5"));
        Http.Reply bool = send(dm, enforced("x", "true"));
        Http.Reply object = send(dm, enforced("x", "{\"id\":1}"));
        Http.Reply enforceNotBoolean = send(dm, "{\"content\":\"x\",\"nonce\":\"n\",\"enforce_nonce\":\"yes\"}");

        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.object().get("code").getAsInt()).isEqualTo(50035);
        assertThat(tooLong.object().get("message").getAsString()).isEqualTo("Invalid Form Body");
        assertThat(errorCode(tooLong, "nonce")).isEqualTo("NONCE_TYPE_TOO_LONG");
        assertThat(longest.status()).isEqualTo(200);
        assertThat(errorCode(fraction, "nonce")).isEqualTo("NONCE_TYPE_INVALID_TYPE");
        assertThat(errorCode(bool, "nonce")).isEqualTo("NONCE_TYPE_INVALID_TYPE");
        assertThat(errorCode(object, "nonce")).isEqualTo("NONCE_TYPE_INVALID_TYPE");
        assertThat(errorCode(enforceNotBoolean, "enforce_nonce")).isEqualTo("BASE_TYPE_BOOLEAN");
        assertThat(discord.messagesTo(BEN)).hasSize(1);
    }

    @Test
    void a_nonce_error_is_reported_with_the_other_field_errors_of_the_body() {
        start();
        long dm = dm(BEN);

        Http.Reply r = send(dm, "{\"content\":\"" + "x".repeat(2001) + "\",\"nonce\":false}");

        assertThat(r.status()).isEqualTo(400);
        assertThat(errorCode(r, "nonce")).isEqualTo("NONCE_TYPE_INVALID_TYPE");
        assertThat(errorCode(r, "content")).isEqualTo("BASE_TYPE_MAX_LENGTH");
    }

    @Test
    void a_retry_of_a_message_deleted_since_is_unknown_message_and_is_not_sent_again() {
        start();
        long dm = dm(BEN);
        JsonObject first = send(dm, enforced("check-in", "\"outbox-8\"")).object();
        http.send(
                "DELETE",
                "channels/" + dm + "/messages/" + first.get("id").getAsString(),
                null,
                "Bot " + discord.botToken());

        Http.Reply retry = send(dm, enforced("check-in", "\"outbox-8\""));

        assertThat(retry.status()).isEqualTo(404);
        assertThat(retry.object().get("code").getAsInt()).isEqualTo(10008);
        assertThat(discord.messagesTo(BEN)).isEmpty();
    }

    @Test
    void the_nonce_is_in_the_create_answer_but_not_in_the_message_fetched_again() {
        start();
        long dm = dm(BEN);
        JsonObject created = send(dm, enforced("check-in", "\"outbox-2\"")).object();

        JsonObject fetched = http.get(
                        "channels/" + dm + "/messages/" + created.get("id").getAsString())
                .object();

        assertThat(created.get("nonce").getAsString()).isEqualTo("outbox-2");
        assertThat(fetched.has("nonce")).isFalse();
        assertThat(discord.messagesTo(BEN).getFirst().json()).doesNotContain("outbox-2");
        assertThat(discord.messages().getFirst().json()).contains("\"nonce\":\"outbox-2\"");
    }

    @Test
    void message_create_carries_the_nonce_and_a_deduplicated_retry_dispatches_nothing() {
        start();
        GatewayClient gateway = new GatewayClient(discord.gatewayUrl() + "/?v=10&encoding=json");
        open.add(gateway);
        gateway.next();
        gateway.identify(discord.botToken(), 0, 1, Intents.GUILDS | Intents.DIRECT_MESSAGES | Intents.GUILD_MESSAGES);
        assertThat(gateway.nextDispatch().get("t").getAsString()).isEqualTo("READY");
        assertThat(gateway.nextDispatch().get("t").getAsString()).isEqualTo("GUILD_CREATE");
        long dm = dm(BEN);

        JsonObject created = send(dm, enforced("check-in", "\"outbox-1\"")).object();
        send(dm, enforced("check-in", "\"outbox-1\""));
        send(GENERAL, enforced("hello", "\"outbox-2\""));

        JsonObject first = gateway.nextDispatch();
        JsonObject next = gateway.nextDispatch();
        assertThat(first.get("t").getAsString()).isEqualTo("MESSAGE_CREATE");
        JsonObject d = first.getAsJsonObject("d");
        assertThat(d.get("id")).isEqualTo(created.get("id"));
        assertThat(d.get("nonce").getAsString()).isEqualTo("outbox-1");
        assertThat(d.get("content").getAsString()).isEqualTo("check-in");
        assertThat(d.get("channel_type").getAsInt()).isEqualTo(1);
        assertThat(d.has("guild_id")).isFalse();
        assertThat(next.get("t").getAsString()).isEqualTo("MESSAGE_CREATE");
        JsonObject inGuild = next.getAsJsonObject("d");
        assertThat(inGuild.get("nonce").getAsString()).isEqualTo("outbox-2");
        assertThat(inGuild.get("guild_id").getAsString()).isEqualTo(Long.toString(GUILD));
        assertThat(inGuild.getAsJsonObject("member").has("roles")).isTrue();
    }

    @Test
    void message_create_goes_only_to_a_bot_that_asked_for_the_intent() {
        start();
        Http.registerPing(discord);
        GatewayClient gateway = new GatewayClient(discord.gatewayUrl() + "/?v=10&encoding=json");
        open.add(gateway);
        gateway.next();
        gateway.identify(discord.botToken(), 0, 1, Intents.GUILDS);
        gateway.nextDispatch();
        gateway.nextDispatch();

        send(dm(BEN), enforced("check-in", "\"outbox-1\""));
        send(GENERAL, enforced("hello", "\"outbox-2\""));
        discord.as(GUILD, ANA).slashCommand("ping", Map.of());

        assertThat(gateway.nextDispatch().get("t").getAsString()).isEqualTo("INTERACTION_CREATE");
    }
}
