package dev.rapport.localdiscord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Interactions without JDA: the INTERACTION_CREATE payloads the driver builds, and Discord's rules for answering them
 * (one initial response within 3 s, follow-ups for 15 minutes), read off a bare gateway client and plain HTTP.
 */
class LocalDiscordInteractionTest {

    static final long GUILD = Snowflakes.forShard(0, 1, 21);
    static final long GENERAL = GUILD + 1;
    static final long COORDINATORS = GUILD + 2;
    static final long ANA = 1_300_000_000_000_000_001L;
    static final long BEN = 1_300_000_000_000_000_002L;
    static final long DORA = 1_300_000_000_000_000_004L;

    static final String COMMANDS = """
            [{"name":"rapport","description":"Check-ins","contexts":[0,1],"options":[
              {"type":1,"name":"pair","description":"One pair","options":[
                {"type":6,"name":"mentee","description":"The mentee","required":true},
                {"type":4,"name":"weeks","description":"Weeks","required":true,"min_value":1,"max_value":52},
                {"type":5,"name":"urgent","description":"Only urgent"},
                {"type":3,"name":"zone","description":"Time zone","autocomplete":true},
                {"type":11,"name":"file","description":"A file"}]},
              {"type":1,"name":"health","description":"Every pair"}]},
             {"name":"coordinate","description":"For coordinators","default_member_permissions":"32",
              "contexts":[0]}]""";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-24T17:00:00Z"));
    private LocalDiscord discord;
    private Http http;
    private GatewayClient bot;

    @BeforeEach
    void start() {
        discord = LocalDiscord.builder()
                .clock(clock)
                .guild(
                        GUILD,
                        "Residency",
                        g -> g.textChannel(GENERAL, "general")
                                .role(COORDINATORS, "Coordinators", Permissions.MANAGE_GUILD)
                                .member(ANA, "ana", "Ana", COORDINATORS)
                                .member(BEN, "ben", "Ben"))
                .user(DORA, "dora", "Dora")
                .start();
        http = new Http(discord);
        assertThat(http.send(
                                "PUT",
                                "applications/" + Json.id(discord.applicationId()) + "/commands",
                                COMMANDS,
                                "Bot " + discord.botToken())
                        .status())
                .isEqualTo(200);
    }

    @AfterEach
    void stop() {
        if (bot != null) {
            bot.close();
        }
        http.close();
        discord.close();
    }

    private void connectBot() {
        bot = GatewayClient.connect(discord);
        bot.next();
        bot.identify(discord.botToken(), 0, 1, Intents.GUILDS);
        bot.nextDispatch();
        bot.nextDispatch();
    }

    /** The INTERACTION_CREATE the bot receives next. */
    private JsonObject received() {
        JsonObject dispatch = bot.nextDispatch();
        assertThat(dispatch.get("t").getAsString()).isEqualTo("INTERACTION_CREATE");
        return dispatch.getAsJsonObject("d");
    }

    private Http.Reply callback(JsonObject interaction, String body, boolean withResponse) {
        return http.send(
                "POST",
                "interactions/" + interaction.get("id").getAsString() + "/"
                        + interaction.get("token").getAsString() + "/callback"
                        + (withResponse ? "?with_response=true" : ""),
                body,
                null);
    }

    private Http.Reply webhook(String method, JsonObject interaction, String suffix, String body) {
        return http.send(
                method,
                "webhooks/" + Json.id(discord.applicationId()) + "/"
                        + interaction.get("token").getAsString() + suffix,
                body,
                null);
    }

    @Test
    void a_slash_command_in_a_guild_carries_what_discord_sends() {
        connectBot();

        Interaction sent = discord.as(GUILD, ANA)
                .slashCommand("rapport", "pair", Map.of("mentee", Options.user(BEN), "weeks", "3", "urgent", true));
        JsonObject d = received();

        assertThat(d.get("id").getAsString()).isEqualTo(Json.id(sent.id()));
        assertThat(Snowflakes.timeOf(sent.id()))
                .isCloseTo(
                        Instant.now(),
                        org.assertj.core.api.Assertions.within(5, java.time.temporal.ChronoUnit.SECONDS));
        assertThat(d.get("application_id").getAsString()).isEqualTo(Json.id(discord.applicationId()));
        assertThat(d.get("type").getAsInt()).isEqualTo(2);
        assertThat(d.get("version").getAsInt()).isEqualTo(1);
        assertThat(d.get("token").getAsString()).isEqualTo(sent.token()).hasSizeGreaterThan(50);
        assertThat(d.get("guild_id").getAsString()).isEqualTo(Json.id(GUILD));
        assertThat(d.getAsJsonObject("guild").get("id").getAsString()).isEqualTo(Json.id(GUILD));
        assertThat(d.get("channel_id").getAsString()).isEqualTo(Json.id(GENERAL));
        assertThat(d.getAsJsonObject("channel").get("type").getAsInt()).isZero();
        assertThat(d.get("context").getAsInt()).isZero();
        assertThat(d.getAsJsonObject("authorizing_integration_owners").get("0").getAsString())
                .isEqualTo(Json.id(GUILD));
        assertThat(d.get("locale").getAsString()).isEqualTo("en-US");
        assertThat(d.getAsJsonArray("entitlements")).isEmpty();
        assertThat(Long.parseLong(d.get("app_permissions").getAsString()) & Permissions.SEND_MESSAGES)
                .isNotZero();
        JsonObject member = d.getAsJsonObject("member");
        assertThat(member.getAsJsonObject("user").get("id").getAsString()).isEqualTo(Json.id(ANA));
        assertThat(member.getAsJsonArray("roles").toString()).isEqualTo("[\"" + COORDINATORS + "\"]");
        assertThat(Long.parseLong(member.get("permissions").getAsString()) & Permissions.MANAGE_GUILD)
                .isNotZero();
        assertThat(d.has("user")).isFalse();

        JsonObject data = d.getAsJsonObject("data");
        assertThat(data.get("name").getAsString()).isEqualTo("rapport");
        assertThat(data.get("id").getAsString())
                .isEqualTo(http.get("applications/" + Json.id(discord.applicationId()) + "/commands")
                        .json()
                        .getAsJsonArray()
                        .get(0)
                        .getAsJsonObject()
                        .get("id")
                        .getAsString());
        JsonObject sub = data.getAsJsonArray("options").get(0).getAsJsonObject();
        assertThat(sub.get("type").getAsInt()).isEqualTo(1);
        assertThat(sub.get("name").getAsString()).isEqualTo("pair");
        assertThat(sub.getAsJsonArray("options").toString())
                .isEqualTo("[{\"name\":\"mentee\",\"type\":6,\"value\":\"" + BEN + "\"},"
                        + "{\"name\":\"weeks\",\"type\":4,\"value\":3},"
                        + "{\"name\":\"urgent\",\"type\":5,\"value\":true}]");
        JsonObject resolved = data.getAsJsonObject("resolved");
        assertThat(resolved.getAsJsonObject("users")
                        .getAsJsonObject(Json.id(BEN))
                        .get("username")
                        .getAsString())
                .isEqualTo("ben");
        assertThat(resolved.getAsJsonObject("members")
                        .getAsJsonObject(Json.id(BEN))
                        .has("permissions"))
                .isTrue();
    }

    @Test
    void in_a_dm_the_interaction_has_a_user_a_dm_channel_and_the_bot_dm_context() {
        connectBot();

        discord.as(BEN).slashCommand("rapport", "health", Map.of());
        JsonObject d = received();

        assertThat(d.has("member")).isFalse();
        assertThat(d.has("guild_id")).isFalse();
        assertThat(d.getAsJsonObject("user").get("id").getAsString()).isEqualTo(Json.id(BEN));
        assertThat(d.get("context").getAsInt()).isEqualTo(1);
        JsonObject channel = d.getAsJsonObject("channel");
        assertThat(channel.get("type").getAsInt()).isEqualTo(1);
        assertThat(channel.get("id").getAsString())
                .isEqualTo(Long.toString(discord.dmChannelOf(BEN).orElseThrow()));
        assertThat(d.getAsJsonObject("authorizing_integration_owners").get("0").getAsString())
                .isEqualTo("0");
    }

    @Test
    void the_driver_refuses_what_discords_client_would_not_send() {
        assertThatThrownBy(() -> discord.as(GUILD, ANA).slashCommand("rapport", "health", Map.of()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("connect the bot first");
        connectBot();

        assertThatThrownBy(() -> discord.as(GUILD, ANA).slashCommand("nope", Map.of()))
                .hasMessageContaining("no slash command /nope is registered");
        assertThatThrownBy(() -> discord.as(GUILD, ANA).slashCommand("rapport", "pair", Map.of("weeks", 3)))
                .hasMessageContaining("required option \"mentee\"");
        assertThatThrownBy(() -> discord.as(GUILD, ANA)
                        .slashCommand("rapport", "pair", Map.of("mentee", Options.user(BEN), "weeks", 99)))
                .hasMessageContaining("out of its range");
        assertThatThrownBy(() -> discord.as(GUILD, ANA).slashCommand("rapport", "pair", Map.of("colour", "red")))
                .hasMessageContaining("has no option \"colour\"");
        assertThatThrownBy(() -> discord.as(GUILD, ANA).slashCommand("rapport", Map.of()))
                .hasMessageContaining("needs a subcommand");
        assertThatThrownBy(() -> discord.as(GUILD, BEN).slashCommand("coordinate", Map.of()))
                .hasMessageContaining("Discord does not show /coordinate");
        assertThatThrownBy(() -> discord.as(BEN).slashCommand("coordinate", Map.of()))
                .hasMessageContaining("not available in DMs");
        assertThatThrownBy(() -> discord.as(GUILD, DORA).slashCommand("rapport", "health", Map.of()))
                .hasMessageContaining("not a member");

        discord.as(GUILD, ANA).slashCommand("coordinate", Map.of());
        assertThat(received().getAsJsonObject("data").get("name").getAsString()).isEqualTo("coordinate");
    }

    @Test
    void one_initial_response_is_accepted_and_a_second_is_already_acknowledged() {
        connectBot();
        Interaction health = discord.as(GUILD, ANA).slashCommand("rapport", "health", Map.of());
        JsonObject d = received();

        Http.Reply first = callback(d, "{\"type\":4,\"data\":{\"content\":\"All good\",\"flags\":64}}", false);
        Http.Reply second = callback(d, "{\"type\":4,\"data\":{\"content\":\"Again\"}}", true);

        assertThat(first.status()).isEqualTo(204);
        assertThat(first.header("Via")).isEqualTo("1.1 google");
        assertThat(second.status()).isEqualTo(400);
        assertThat(second.object().get("code").getAsInt()).isEqualTo(40060);
        assertThat(health.responses())
                .extracting(InteractionResponse::status, InteractionResponse::errorCode)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(200, 0), org.assertj.core.groups.Tuple.tuple(400, 40060));
        assertThat(health.awaitResponse().accepted()).isTrue();
        assertThat(health.originalMessage()).get().satisfies(m -> {
            assertThat(m.ephemeral()).isTrue();
            assertThat(m.content()).isEqualTo("All good");
            assertThat(m.interactionId()).isEqualTo(health.id());
        });
    }

    @Test
    void an_initial_response_can_carry_files_as_multipart() {
        connectBot();
        Interaction export = discord.as(GUILD, ANA).slashCommand("rapport", "health", Map.of());
        JsonObject d = received();
        byte[] csv = "pair,score\n1,5\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);

        Http.Reply reply = http.multipart(
                "POST",
                "interactions/" + d.get("id").getAsString() + "/"
                        + d.get("token").getAsString() + "/callback",
                "{\"type\":4,\"data\":{\"content\":\"Your export\",\"flags\":64,\"attachments\":[{\"id\":0,"
                        + "\"filename\":\"export.csv\"}]}}",
                "export.csv",
                csv);

        assertThat(reply.status()).isEqualTo(204);
        InteractionResponse r = export.awaitResponse();
        assertThat(r.files()).singleElement().satisfies(f -> {
            assertThat(f.filename()).isEqualTo("export.csv");
            assertThat(f.bytes()).isEqualTo(csv);
        });
        assertThat(export.originalMessage())
                .get()
                .satisfies(m -> assertThat(m.attachments()).hasSize(1));
    }

    @Test
    void a_response_after_three_seconds_is_an_unknown_interaction() {
        connectBot();
        Interaction late = discord.as(GUILD, ANA).slashCommand("rapport", "health", Map.of());
        JsonObject d = received();
        clock.advance(Duration.ofMillis(3_001));

        Http.Reply reply = callback(d, "{\"type\":5}", false);

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.object().get("code").getAsInt()).isEqualTo(10062);
        assertThat(reply.object().get("message").getAsString()).isEqualTo("Unknown interaction");
        assertThat(late.awaitResponse().accepted()).isFalse();
        assertThat(late.awaitResponse().errorCode()).isEqualTo(10062);
    }

    @Test
    void with_response_returns_the_created_message_and_follow_ups_work_for_fifteen_minutes() {
        connectBot();
        Interaction export = discord.as(GUILD, ANA).slashCommand("rapport", "health", Map.of());
        JsonObject d = received();

        Http.Reply early = webhook("POST", d, "", "{\"content\":\"too early\"}");
        JsonObject answer =
                callback(d, "{\"type\":5,\"data\":{\"flags\":64}}", true).object();
        JsonObject replaced =
                webhook("POST", d, "", "{\"content\":\"Here it is\"}").object();
        JsonObject followUp = webhook("POST", d, "", "{\"content\":\"Anything else?\",\"flags\":64}")
                .object();
        JsonObject edited = webhook("PATCH", d, "/messages/@original", "{\"content\":\"Here it is (v2)\"}")
                .object();
        JsonObject original = webhook("GET", d, "/messages/@original", null).object();
        Http.Reply deleted =
                webhook("DELETE", d, "/messages/" + followUp.get("id").getAsString(), null);
        clock.advance(Duration.ofMinutes(15).plusSeconds(1));
        Http.Reply expired = webhook("POST", d, "", "{\"content\":\"too late\"}");

        assertThat(early.status()).isEqualTo(404);
        assertThat(early.object().get("code").getAsInt()).isEqualTo(10015);
        assertThat(answer.getAsJsonObject("interaction").get("id").getAsString())
                .isEqualTo(Json.id(export.id()));
        assertThat(answer.getAsJsonObject("interaction")
                        .get("response_message_loading")
                        .getAsBoolean())
                .isTrue();
        // After a deferred reply, the first follow-up replaces the "thinking" message, as Discord documents.
        assertThat(replaced.get("id"))
                .isEqualTo(answer.getAsJsonObject("interaction").get("response_message_id"));
        assertThat(replaced.get("flags").getAsInt()).isEqualTo(64);
        assertThat(followUp.get("id")).isNotEqualTo(replaced.get("id"));
        assertThat(followUp.get("webhook_id").getAsString()).isEqualTo(Json.id(discord.applicationId()));
        assertThat(followUp.getAsJsonObject("interaction_metadata").get("id").getAsString())
                .isEqualTo(Json.id(export.id()));
        assertThat(edited.get("content").getAsString()).isEqualTo("Here it is (v2)");
        assertThat(original.get("content").getAsString()).isEqualTo("Here it is (v2)");
        assertThat(deleted.status()).isEqualTo(204);
        assertThat(expired.status()).isEqualTo(401);
        assertThat(expired.object().get("code").getAsInt()).isEqualTo(50027);
        assertThat(export.responses())
                .extracting(InteractionResponse::kind)
                .containsExactly(
                        InteractionResponse.Kind.FOLLOW_UP,
                        InteractionResponse.Kind.CALLBACK,
                        InteractionResponse.Kind.FOLLOW_UP,
                        InteractionResponse.Kind.FOLLOW_UP,
                        InteractionResponse.Kind.EDIT_ORIGINAL,
                        InteractionResponse.Kind.DELETE_FOLLOW_UP,
                        InteractionResponse.Kind.FOLLOW_UP);
        assertThat(discord.messagesIn(GENERAL))
                .extracting(DiscordMessage::content)
                .containsExactly("Here it is (v2)");
    }

    @Test
    void a_callback_type_that_does_not_fit_the_interaction_is_refused() {
        connectBot();
        discord.as(GUILD, ANA).slashCommand("rapport", "health", Map.of());
        JsonObject d = received();

        Http.Reply update = callback(d, "{\"type\":7,\"data\":{\"content\":\"x\"}}", false);
        Http.Reply tooLong = callback(
                d,
                Json.obj("type", 4, "data", Json.obj("content", "x".repeat(2001)))
                        .toString(),
                false);
        Http.Reply fine = callback(d, "{\"type\":4,\"data\":{\"content\":\"ok\"}}", false);

        assertThat(update.status()).isEqualTo(400);
        assertThat(update.object().get("code").getAsInt()).isEqualTo(50035);
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(fine.status()).isEqualTo(204);
    }

    @Test
    void interaction_callbacks_are_not_bound_by_the_global_rate_limit() {
        discord.close();
        discord = LocalDiscord.builder()
                .clock(clock)
                .globalRateLimit(2)
                .guild(
                        GUILD,
                        "Residency",
                        g -> g.textChannel(GENERAL, "general").member(ANA, "ana", "Ana"))
                .start();
        http.close();
        http = new Http(discord);
        Http.registerPing(discord);
        connectBot();
        http.get("users/@me");
        assertThat(http.get("users/@me").status()).isEqualTo(429);

        discord.as(GUILD, ANA).slashCommand("ping", Map.of());
        Http.Reply reply = callback(received(), "{\"type\":4,\"data\":{\"content\":\"pong\"}}", false);

        assertThat(reply.status()).isEqualTo(204);
    }

    @Test
    void a_click_in_a_dm_carries_the_message_and_update_message_edits_it() {
        connectBot();
        long dm = Long.parseLong(http.post("users/@me/channels", "{\"recipient_id\":" + BEN + "}")
                .object()
                .get("id")
                .getAsString());
        http.post(
                "channels/" + dm + "/messages",
                "{\"content\":\"Did you meet?\",\"components\":[{\"type\":1,\"components\":[{\"type\":2,\"style\":1,"
                        + "\"label\":\"Yes\",\"custom_id\":\"met:yes\"},{\"type\":2,\"style\":2,\"label\":\"No\","
                        + "\"custom_id\":\"met:no\",\"disabled\":true}]}]}");
        DiscordMessage checkin = discord.messagesTo(BEN).getFirst();

        assertThatThrownBy(() -> discord.as(BEN).click(checkin, "met:no")).hasMessageContaining("disabled");
        Interaction click = discord.as(BEN).click(checkin, "met:yes");
        JsonObject d = received();
        Http.Reply update = callback(d, "{\"type\":7,\"data\":{\"content\":\"Thanks\",\"components\":[]}}", true);

        assertThat(d.get("type").getAsInt()).isEqualTo(3);
        assertThat(d.get("context").getAsInt()).isEqualTo(1);
        assertThat(d.getAsJsonObject("user").get("id").getAsString()).isEqualTo(Json.id(BEN));
        assertThat(d.has("member")).isFalse();
        assertThat(d.getAsJsonObject("data").get("custom_id").getAsString()).isEqualTo("met:yes");
        assertThat(d.getAsJsonObject("data").get("component_type").getAsInt()).isEqualTo(2);
        assertThat(d.getAsJsonObject("message").get("id").getAsString()).isEqualTo(Json.id(checkin.id()));
        assertThat(d.getAsJsonObject("message").get("content").getAsString()).isEqualTo("Did you meet?");
        assertThat(update.object()
                        .getAsJsonObject("resource")
                        .getAsJsonObject("message")
                        .get("content")
                        .getAsString())
                .isEqualTo("Thanks");
        assertThat(click.sourceMessage())
                .get()
                .extracting(DiscordMessage::content)
                .isEqualTo("Thanks");
        assertThatThrownBy(() -> discord.as(BEN).click(checkin, "met:maybe")).hasMessageContaining("no component");
        assertThatThrownBy(() -> discord.as(BEN).click(discord.messagesTo(BEN).getFirst(), "met:yes"))
                .hasMessageContaining("no component");
    }

    @Test
    void a_string_select_in_a_message_is_checked_as_discord_does_and_a_choice_arrives_with_its_values() {
        connectBot();
        long dm = Long.parseLong(http.post("users/@me/channels", "{\"recipient_id\":" + BEN + "}")
                .object()
                .get("id")
                .getAsString());
        String options = "[{\"label\":\"1 – Strongly disagree\",\"value\":\"q1:1\"},"
                + "{\"label\":\"N/A\",\"value\":\"q1:na\",\"description\":\"Does not apply\"}]";
        String select = "{\"type\":3,\"custom_id\":\"pick:1\",\"placeholder\":\"My mentor listened.\",\"options\":"
                + options + "}";
        // A select fills its row: beside a button it is refused.
        Http.Reply crowded = http.post(
                "channels/" + dm + "/messages",
                "{\"components\":[{\"type\":1,\"components\":[" + select
                        + ",{\"type\":2,\"style\":1,\"label\":\"x\",\"custom_id\":\"x\"}]}]}");
        assertThat(crowded.status()).isEqualTo(400);
        assertThat(crowded.text()).contains("COMPONENT_LAYOUT_WIDTH_EXCEEDED");
        // Placeholder up to 150, 1–25 options, labels and values up to 100.
        for (String bad : List.of(
                select.replace("My mentor listened.", "p".repeat(151)),
                select.replace(options, "[]"),
                select.replace("1 – Strongly disagree", "l".repeat(101)),
                select.replace("q1:na", "v".repeat(101)),
                select.replace("q1:na", "q1:1"))) {
            clock.advance(Duration.ofSeconds(5)); // past the channel's rate limit: each refusal is for its content
            Http.Reply refused = http.post(
                    "channels/" + dm + "/messages", "{\"components\":[{\"type\":1,\"components\":[" + bad + "]}]}");
            assertThat(refused.status()).as(bad).isEqualTo(400);
            assertThat(refused.object().get("code").getAsInt()).isEqualTo(50035);
        }
        clock.advance(Duration.ofSeconds(5));
        http.post(
                "channels/" + dm + "/messages",
                "{\"content\":\"Check-in\",\"components\":[{\"type\":1,\"components\":[" + select + "]}]}");
        DiscordMessage checkin = discord.messagesTo(BEN).getFirst();
        assertThat(checkin.selectMenus()).singleElement().satisfies(m -> {
            assertThat(m.placeholder()).isEqualTo("My mentor listened.");
            assertThat(m.values()).containsExactly("q1:1", "q1:na");
        });

        assertThatThrownBy(() -> discord.as(BEN).select(checkin, "pick:1", "q1:5"))
                .hasMessageContaining("no option");
        assertThatThrownBy(() -> discord.as(BEN).select(checkin, "pick:1", "q1:1", "q1:na"))
                .hasMessageContaining("1 to 1");
        discord.as(BEN).select(checkin, "pick:1", "q1:na");
        JsonObject d = received();

        assertThat(d.get("type").getAsInt()).isEqualTo(3);
        JsonObject data = d.getAsJsonObject("data");
        assertThat(data.get("custom_id").getAsString()).isEqualTo("pick:1");
        assertThat(data.get("component_type").getAsInt()).isEqualTo(3);
        assertThat(data.getAsJsonArray("values").get(0).getAsString()).isEqualTo("q1:na");
        assertThat(data.getAsJsonArray("values").size()).isEqualTo(1);
    }

    @Test
    void a_modal_submission_fills_in_labels_text_inputs_checkboxes_and_groups_with_component_ids() {
        connectBot();
        Interaction command = discord.as(GUILD, ANA).slashCommand("rapport", "health", Map.of());
        JsonObject d = received();
        String modal = """
                {"type":9,"data":{"custom_id":"feedback","title":"Feedback","components":[
                  {"type":18,"label":"Comment","component":{"type":4,"custom_id":"comment","style":2,"max_length":200}},
                  {"type":18,"label":"Share","component":{"type":23,"custom_id":"share"}},
                  {"type":18,"label":"Days","component":{"type":22,"custom_id":"days","options":[
                    {"value":"mon","label":"Monday"},{"value":"tue","label":"Tuesday","default":true}]}},
                  {"type":18,"label":"Mood","component":{"type":21,"custom_id":"mood","options":[
                    {"value":"good","label":"Good"},{"value":"bad","label":"Bad"}]}}]}}""";
        assertThat(callback(d, modal, false).status()).isEqualTo(204);
        assertThat(command.awaitResponse().modalCustomId()).isEqualTo("feedback");

        Interaction submitted =
                discord.as(GUILD, ANA).submitModal(command, Map.of("comment", "Fine", "share", true, "mood", "good"));
        JsonObject s = received();
        JsonArray components = s.getAsJsonObject("data").getAsJsonArray("components");

        assertThat(s.get("type").getAsInt()).isEqualTo(5);
        assertThat(s.getAsJsonObject("data").get("custom_id").getAsString()).isEqualTo("feedback");
        assertThat(components.toString())
                .isEqualTo("[{\"type\":18,\"id\":1,\"component\":{\"type\":4,\"id\":2,\"custom_id\":\"comment\","
                        + "\"value\":\"Fine\"}},"
                        + "{\"type\":18,\"id\":3,\"component\":{\"type\":23,\"id\":4,\"custom_id\":\"share\","
                        + "\"value\":true}},"
                        + "{\"type\":18,\"id\":5,\"component\":{\"type\":22,\"id\":6,\"custom_id\":\"days\","
                        + "\"values\":[\"tue\"]}},"
                        + "{\"type\":18,\"id\":7,\"component\":{\"type\":21,\"id\":8,\"custom_id\":\"mood\","
                        + "\"value\":\"good\"}}]");
        assertThat(submitted.id()).isNotEqualTo(command.id());
        assertThatThrownBy(() ->
                        discord.as(GUILD, ANA).submitModal(command, Map.of("comment", "x".repeat(201), "mood", "good")))
                .hasMessageContaining("takes 0 to 200 characters");
        assertThatThrownBy(() -> discord.as(GUILD, BEN).submitModal(command, Map.of("comment", "hi")))
                .hasMessageContaining("only to the user");
    }

    @Test
    void an_attachment_option_is_resolved_with_a_url_the_local_discord_serves() {
        connectBot();
        byte[] csv = "a,b\n1,2\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);

        discord.as(GUILD, ANA)
                .slashCommand(
                        "rapport",
                        "pair",
                        Map.of("mentee", BEN, "weeks", 2, "file", Options.attachment("pairs.csv", "text/csv", csv)));
        JsonObject data = received().getAsJsonObject("data");
        String id = data.getAsJsonArray("options").get(0).getAsJsonObject().getAsJsonArray("options").asList().stream()
                .map(o -> o.getAsJsonObject())
                .filter(o -> o.get("name").getAsString().equals("file"))
                .findFirst()
                .orElseThrow()
                .get("value")
                .getAsString();
        JsonObject attachment =
                data.getAsJsonObject("resolved").getAsJsonObject("attachments").getAsJsonObject(id);

        assertThat(attachment.get("filename").getAsString()).isEqualTo("pairs.csv");
        assertThat(attachment.get("content_type").getAsString()).isEqualTo("text/csv");
        assertThat(attachment.get("size").getAsInt()).isEqualTo(csv.length);
        assertThat(http.absolute(attachment.get("url").getAsString()).raw().body())
                .isEqualTo(csv);
    }

    @Test
    void autocomplete_marks_the_focused_option_and_accepts_only_choices() {
        connectBot();

        Interaction typing = discord.as(GUILD, ANA).autocomplete("rapport", "pair", Map.of(), "zone", "Eur");
        JsonObject d = received();
        Http.Reply wrong = callback(d, "{\"type\":4,\"data\":{\"content\":\"no\"}}", false);
        Http.Reply choices = callback(
                d,
                "{\"type\":8,\"data\":{\"choices\":[{\"name\":\"Europe/Paris\",\"value\":\"Europe/Paris\"}]}}",
                false);

        assertThat(d.get("type").getAsInt()).isEqualTo(4);
        JsonObject zone = d.getAsJsonObject("data")
                .getAsJsonArray("options")
                .get(0)
                .getAsJsonObject()
                .getAsJsonArray("options")
                .get(0)
                .getAsJsonObject();
        assertThat(zone.get("focused").getAsBoolean()).isTrue();
        assertThat(zone.get("value").getAsString()).isEqualTo("Eur");
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(choices.status()).isEqualTo(204);
        assertThat(typing.responses())
                .last()
                .satisfies(r -> assertThat(r.choices())
                        .containsExactly(new InteractionResponse.Choice("Europe/Paris", "Europe/Paris")));
        assertThat(List.of(typing.type())).containsExactly(4);
    }
}
