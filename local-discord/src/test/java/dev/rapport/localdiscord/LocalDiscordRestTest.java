package dev.rapport.localdiscord;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The REST API with plain HTTP: Discord's shapes, headers, limits and errors, as any client would meet them. */
class LocalDiscordRestTest {

    static final long GUILD = Snowflakes.forShard(0, 1, 11);
    static final long GENERAL = GUILD + 1;
    static final long COORDINATORS = GUILD + 2;
    static final long ANA = 1_300_000_000_000_000_001L;
    static final long BEN = 1_300_000_000_000_000_002L;

    private LocalDiscord discord;
    private Http http;
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-24T17:00:00Z"));

    @AfterEach
    void stop() {
        if (http != null) {
            http.close();
        }
        if (discord != null) {
            discord.close();
        }
    }

    private LocalDiscord.Builder residency() {
        return LocalDiscord.builder()
                .clock(clock)
                .guild(
                        GUILD,
                        "Residency",
                        g -> g.textChannel(GENERAL, "general")
                                .role(COORDINATORS, "Coordinators", Permissions.MANAGE_GUILD)
                                .member(ANA, "ana", "Ana", COORDINATORS)
                                .member(BEN, "ben", "Ben"));
    }

    private void start(LocalDiscord.Builder builder) {
        discord = builder.start();
        http = new Http(discord);
    }

    private long dm(long userId) {
        return Long.parseLong(http.post("users/@me/channels", "{\"recipient_id\":" + userId + "}")
                .object()
                .get("id")
                .getAsString());
    }

    private Http.Reply send(long channel, String json) {
        return http.post("channels/" + channel + "/messages", json);
    }

    private static JsonObject firstError(JsonObject errors, String... path) {
        JsonObject node = errors;
        for (String p : path) {
            node = node.getAsJsonObject(p);
        }
        return node.getAsJsonArray("_errors").get(0).getAsJsonObject();
    }

    @Test
    void the_bot_token_is_required_and_every_answer_says_via_google() {
        start(residency());

        Http.Reply me = http.get("users/@me");
        Http.Reply none = http.send("GET", "users/@me", null, null);
        Http.Reply wrong = http.send("GET", "users/@me", null, "Bot someone-elses-token-000000000");

        assertThat(me.status()).isEqualTo(200);
        assertThat(me.object().get("id").getAsString()).isEqualTo(Json.id(discord.botUserId()));
        assertThat(me.object().get("bot").getAsBoolean()).isTrue();
        assertThat(me.header("Via")).isEqualTo("1.1 google");
        assertThat(none.status()).isEqualTo(401);
        assertThat(none.object().toString()).isEqualTo("{\"message\":\"401: Unauthorized\",\"code\":0}");
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.header("Via")).isEqualTo("1.1 google");
        assertThat(discord.invalidRequests()).isEqualTo(2);
        assertThat(discord.calls()).extracting(RestCall::status).containsExactly(200, 401, 401);
    }

    @Test
    void gateway_bot_reports_the_local_gateway_the_shard_count_and_the_session_start_limit() {
        start(residency().shards(4).maxConcurrency(2));

        JsonObject bot = http.get("gateway/bot").object();
        JsonObject plain = http.get("gateway").object();

        assertThat(bot.get("url").getAsString()).isEqualTo(discord.gatewayUrl()).startsWith("ws://127.0.0.1:");
        assertThat(bot.get("shards").getAsInt()).isEqualTo(4);
        JsonObject limit = bot.getAsJsonObject("session_start_limit");
        assertThat(limit.get("total").getAsInt()).isEqualTo(1000);
        assertThat(limit.get("remaining").getAsInt()).isEqualTo(1000);
        assertThat(limit.get("max_concurrency").getAsInt()).isEqualTo(2);
        assertThat(plain.get("url").getAsString()).isEqualTo(discord.gatewayUrl());
    }

    @Test
    void a_user_has_one_dm_channel_whether_the_recipient_is_a_number_or_a_string() {
        start(residency());

        JsonObject first = http.post("users/@me/channels", "{\"recipient_id\":" + BEN + "}")
                .object();
        JsonObject again = http.post("users/@me/channels", "{\"recipient_id\":\"" + BEN + "\"}")
                .object();
        Http.Reply stranger = http.post("users/@me/channels", "{\"recipient_id\":42}");

        assertThat(first.get("type").getAsInt()).isEqualTo(1);
        assertThat(first.getAsJsonArray("recipients")
                        .get(0)
                        .getAsJsonObject()
                        .get("id")
                        .getAsString())
                .isEqualTo(Json.id(BEN));
        assertThat(again.get("id")).isEqualTo(first.get("id"));
        assertThat(discord.dmChannelOf(BEN)).hasValue(first.get("id").getAsLong());
        assertThat(stranger.status()).isEqualTo(400);
        assertThat(stranger.object().get("code").getAsInt()).isEqualTo(50033);
    }

    @Test
    void a_message_comes_back_in_discords_shape_and_can_be_read_and_edited() {
        start(residency());
        long dm = dm(BEN);

        JsonObject created = send(
                        dm,
                        "{\"content\":\"Did you meet?\",\"embeds\":[{\"title\":\"Check-in\"}],\"components\":[{\"type\":1,"
                                + "\"components\":[{\"type\":2,\"style\":1,\"label\":\"Yes\",\"custom_id\":\"met:yes\"}]}]}")
                .object();
        String id = created.get("id").getAsString();
        JsonObject edited = send(dm, "{\"content\":\"placeholder\"}").object();
        Http.Reply patched = http.send(
                "PATCH",
                "channels/" + dm + "/messages/" + id,
                "{\"content\":\"Thanks\",\"components\":[]}",
                "Bot " + discord.botToken());
        JsonObject read = http.get("channels/" + dm + "/messages/" + id).object();

        assertThat(created.get("channel_id").getAsString()).isEqualTo(Long.toString(dm));
        assertThat(created.getAsJsonObject("author").get("bot").getAsBoolean()).isTrue();
        assertThat(created.get("type").getAsInt()).isZero();
        assertThat(created.get("flags").getAsInt()).isZero();
        assertThat(created.getAsJsonArray("mentions")).isEmpty();
        assertThat(created.getAsJsonArray("mention_roles")).isEmpty();
        assertThat(created.getAsJsonArray("attachments")).isEmpty();
        assertThat(created.get("edited_timestamp").isJsonNull()).isTrue();
        assertThat(Instant.parse(created.get("timestamp").getAsString()))
                .isEqualTo(Snowflakes.timeOf(Long.parseLong(id)));
        assertThat(created.getAsJsonArray("embeds")
                        .get(0)
                        .getAsJsonObject()
                        .get("type")
                        .getAsString())
                .isEqualTo("rich");
        JsonObject button = created.getAsJsonArray("components")
                .get(0)
                .getAsJsonObject()
                .getAsJsonArray("components")
                .get(0)
                .getAsJsonObject();
        assertThat(button.get("id").getAsInt()).isEqualTo(2);
        assertThat(patched.status()).isEqualTo(200);
        assertThat(read.get("content").getAsString()).isEqualTo("Thanks");
        assertThat(read.get("edited_timestamp").getAsString()).startsWith("2026-11-24T17:00");
        assertThat(read.getAsJsonArray("components")).isEmpty();
        assertThat(edited.get("id").getAsString()).isNotEqualTo(id);
        assertThat(discord.messages())
                .extracting(DiscordMessage::content, DiscordMessage::version)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("Did you meet?", 0),
                        org.assertj.core.groups.Tuple.tuple("placeholder", 0),
                        org.assertj.core.groups.Tuple.tuple("Thanks", 1));
        assertThat(discord.messagesTo(BEN))
                .extracting(DiscordMessage::content)
                .containsExactly("Thanks", "placeholder");
    }

    @Test
    void messages_over_discords_limits_are_refused_with_invalid_form_body() {
        // Refused messages count against the channel's bucket too, as on Discord: give this test room.
        start(residency().rateLimit(Bucket.CREATE_MESSAGE, 50, Duration.ofSeconds(1)));
        long dm = dm(BEN);
        String row = "{\"type\":1,\"components\":[{\"type\":2,\"style\":1,\"label\":\"x\",\"custom_id\":\"%s\"}]}";
        JsonArray sixRows = new JsonArray();
        for (int i = 0; i < 6; i++) {
            sixRows.add(com.google.gson.JsonParser.parseString(row.formatted("b" + i)));
        }

        Http.Reply tooLong = send(dm, Json.obj("content", "x".repeat(2001)).toString());
        Http.Reply tooManyEmbeds = send(dm, "{\"embeds\":[" + "{\"title\":\"t\"},".repeat(10) + "{\"title\":\"t\"}]}");
        Http.Reply tooManyRows =
                send(dm, Json.obj("content", "rows", "components", sixRows).toString());
        Http.Reply longDescription = send(
                dm,
                Json.obj("embeds", Json.arr(Json.obj("description", "d".repeat(4097))))
                        .toString());
        Http.Reply empty = send(dm, "{\"content\":\"\"}");
        Http.Reply fine = send(dm, Json.obj("content", "x".repeat(2000)).toString());

        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.object().get("code").getAsInt()).isEqualTo(50035);
        assertThat(tooLong.object().get("message").getAsString()).isEqualTo("Invalid Form Body");
        assertThat(firstError(tooLong.object().getAsJsonObject("errors"), "content")
                        .get("code")
                        .getAsString())
                .isEqualTo("BASE_TYPE_MAX_LENGTH");
        assertThat(firstError(tooManyEmbeds.object().getAsJsonObject("errors"), "embeds")
                        .get("message")
                        .getAsString())
                .isEqualTo("Must be 10 or fewer in length.");
        assertThat(firstError(tooManyRows.object().getAsJsonObject("errors"), "components")
                        .get("code")
                        .getAsString())
                .isEqualTo("BASE_TYPE_BAD_LENGTH");
        assertThat(firstError(longDescription.object().getAsJsonObject("errors"), "embeds", "0", "description")
                        .get("code")
                        .getAsString())
                .isEqualTo("BASE_TYPE_MAX_LENGTH");
        assertThat(empty.object().get("code").getAsInt()).isEqualTo(50006);
        assertThat(fine.status()).isEqualTo(200);
        assertThat(discord.messagesTo(BEN)).hasSize(1);
    }

    @Test
    void files_sent_as_multipart_are_recorded_and_served_at_their_url() {
        start(residency());
        long dm = dm(BEN);
        byte[] csv = "pair,score\n1,5\n".getBytes(StandardCharsets.UTF_8);

        JsonObject m = http.multipart(
                        "POST",
                        "channels/" + dm + "/messages",
                        "{\"content\":\"Your export\",\"attachments\":[{\"id\":0,\"filename\":\"export.csv\","
                                + "\"description\":\"All answers\"}]}",
                        "export.csv",
                        csv)
                .object();
        JsonObject attachment = m.getAsJsonArray("attachments").get(0).getAsJsonObject();
        Http.Reply download = http.absolute(attachment.get("url").getAsString());

        assertThat(attachment.get("filename").getAsString()).isEqualTo("export.csv");
        assertThat(attachment.get("size").getAsInt()).isEqualTo(csv.length);
        assertThat(attachment.get("description").getAsString()).isEqualTo("All answers");
        assertThat(download.raw().body()).isEqualTo(csv);
        assertThat(discord.messagesTo(BEN).getFirst().attachments())
                .singleElement()
                .satisfies(f -> assertThat(f.text()).isEqualTo("pair,score\n1,5\n"));
    }

    @Test
    void the_per_channel_message_bucket_counts_down_in_its_headers_and_then_answers_429() {
        start(residency());
        long ben = dm(BEN);
        long ana = dm(ANA);

        List<Http.Reply> five = java.util.stream.IntStream.range(0, 5)
                .mapToObj(i -> send(ben, "{\"content\":\"m" + i + "\"}"))
                .toList();
        Http.Reply sixth = send(ben, "{\"content\":\"one too many\"}");
        Http.Reply otherChannel = send(ana, "{\"content\":\"hello\"}");
        clock.advance(Duration.ofSeconds(5));
        Http.Reply afterReset = send(ben, "{\"content\":\"later\"}");

        assertThat(five).extracting(r -> r.header("X-RateLimit-Remaining")).containsExactly("4", "3", "2", "1", "0");
        assertThat(five.getFirst().header("X-RateLimit-Limit")).isEqualTo("5");
        assertThat(five.getFirst().header("X-RateLimit-Reset-After")).isEqualTo("5.000");
        assertThat(five.getFirst().header("X-RateLimit-Reset")).isEqualTo("1795539605.000");
        assertThat(five.getFirst().header("X-RateLimit-Bucket"))
                .isEqualTo(sixth.header("X-RateLimit-Bucket"))
                .hasSize(32);
        assertThat(sixth.status()).isEqualTo(429);
        assertThat(sixth.header("Retry-After")).isEqualTo("5");
        assertThat(sixth.header("X-RateLimit-Scope")).isEqualTo("user");
        assertThat(sixth.header("Via")).isEqualTo("1.1 google");
        assertThat(sixth.object().get("message").getAsString()).isEqualTo("You are being rate limited.");
        assertThat(sixth.object().get("retry_after").getAsDouble()).isEqualTo(5.0);
        assertThat(sixth.object().get("global").getAsBoolean()).isFalse();
        assertThat(otherChannel.status()).isEqualTo(200);
        assertThat(afterReset.status()).isEqualTo(200);
        assertThat(discord.messagesTo(BEN)).extracting(DiscordMessage::content).doesNotContain("one too many");
        assertThat(discord.invalidRequests()).isEqualTo(1);
    }

    @Test
    void opening_dm_channels_has_its_own_bucket() {
        start(residency().rateLimit(Bucket.CREATE_DM, 2, Duration.ofSeconds(10)));

        http.post("users/@me/channels", "{\"recipient_id\":" + BEN + "}");
        Http.Reply second = http.post("users/@me/channels", "{\"recipient_id\":" + ANA + "}");
        Http.Reply third = http.post("users/@me/channels", "{\"recipient_id\":" + ANA + "}");
        Http.Reply message = send(discord.dmChannelOf(BEN).orElseThrow(), "{\"content\":\"still fine\"}");

        assertThat(second.header("X-RateLimit-Remaining")).isEqualTo("0");
        assertThat(third.status()).isEqualTo(429);
        assertThat(third.header("Retry-After")).isEqualTo("10");
        assertThat(message.status()).isEqualTo(200);
        assertThat(message.header("X-RateLimit-Bucket")).isNotEqualTo(third.header("X-RateLimit-Bucket"));
    }

    @Test
    void the_global_limit_answers_429_with_the_global_headers() {
        start(residency().globalRateLimit(3));

        for (int i = 0; i < 3; i++) {
            assertThat(http.get("users/@me").status()).isEqualTo(200);
        }
        Http.Reply fourth = http.get("gateway/bot");
        clock.advance(Duration.ofSeconds(1));
        Http.Reply nextSecond = http.get("users/@me");

        assertThat(fourth.status()).isEqualTo(429);
        assertThat(fourth.header("X-RateLimit-Global")).isEqualTo("true");
        assertThat(fourth.header("X-RateLimit-Scope")).isEqualTo("global");
        assertThat(fourth.header("Retry-After")).isEqualTo("1");
        assertThat(fourth.header("Via")).isEqualTo("1.1 google");
        assertThat(fourth.object().get("global").getAsBoolean()).isTrue();
        assertThat(fourth.object().get("message").getAsString()).isEqualTo("You are being rate limited.");
        assertThat(nextSecond.status()).isEqualTo(200);
    }

    @Test
    void invalid_requests_are_counted_over_a_rolling_ten_minutes_and_too_many_get_the_ip_banned() {
        start(residency().invalidRequestBan(5));

        for (int i = 0; i < 3; i++) {
            http.send("GET", "users/@me", null, "Bot wrong-token-000000000000000000");
        }
        assertThat(discord.invalidRequests()).isEqualTo(3);
        clock.advance(Duration.ofMinutes(10).plusSeconds(1));
        assertThat(discord.invalidRequests()).isZero();

        for (int i = 0; i < 5; i++) {
            http.send("GET", "users/@me", null, "Bot wrong-token-000000000000000000");
        }
        Http.Reply banned = http.get("users/@me");

        assertThat(banned.status()).isEqualTo(429);
        assertThat(banned.header("Via")).isNull();
        assertThat(banned.header("Content-Type")).isEqualTo("text/html");
        assertThat(banned.text()).contains("1015");
    }

    @Test
    void commands_are_stored_with_ids_that_survive_an_overwrite() {
        start(residency());
        String path = "applications/" + Json.id(discord.applicationId()) + "/commands";
        String commands = "[{\"name\":\"rapport\",\"description\":\"Check-ins\",\"options\":[{\"type\":1,"
                + "\"name\":\"health\",\"description\":\"Every pair\"}]}]";

        JsonArray first = http.send("PUT", path, commands, "Bot " + discord.botToken())
                .json()
                .getAsJsonArray();
        JsonArray second = http.send("PUT", path, commands, "Bot " + discord.botToken())
                .json()
                .getAsJsonArray();
        JsonArray listed = http.get(path).json().getAsJsonArray();
        Http.Reply guildScoped = http.send(
                "PUT",
                "applications/" + Json.id(discord.applicationId()) + "/guilds/" + GUILD + "/commands",
                "[{\"name\":\"coordinate\",\"description\":\"For coordinators\","
                        + "\"default_member_permissions\":\"32\"}]",
                "Bot " + discord.botToken());

        JsonObject c = first.get(0).getAsJsonObject();
        assertThat(c.get("application_id").getAsString()).isEqualTo(Json.id(discord.applicationId()));
        assertThat(c.get("type").getAsInt()).isEqualTo(1);
        assertThat(c.has("version")).isTrue();
        assertThat(second.get(0).getAsJsonObject().get("id")).isEqualTo(c.get("id"));
        assertThat(listed).hasSize(1);
        assertThat(guildScoped
                        .json()
                        .getAsJsonArray()
                        .get(0)
                        .getAsJsonObject()
                        .get("guild_id")
                        .getAsString())
                .isEqualTo(Long.toString(GUILD));
        assertThat(discord.commandNames(0)).containsExactly("rapport");
        assertThat(discord.commandNames(GUILD)).containsExactly("coordinate");
    }

    @Test
    void localizations_are_stored_and_listed_only_when_asked_for_as_discord_does() {
        start(residency());
        String path = "applications/" + Json.id(discord.applicationId()) + "/commands";
        String commands = "[{\"name\":\"rapport\",\"description\":\"Check-ins\","
                + "\"description_localizations\":{\"fr\":\"Points de suivi\",\"es-ES\":\"Seguimientos\"},"
                + "\"options\":[{\"type\":1,\"name\":\"health\",\"description\":\"Every pair\","
                + "\"description_localizations\":{\"fr\":\"Chaque binôme\",\"es-419\":\"Cada pareja\"}}]}]";

        JsonObject put = http.send("PUT", path, commands, "Bot " + discord.botToken())
                .json()
                .getAsJsonArray()
                .get(0)
                .getAsJsonObject();
        JsonObject plain = http.get(path).json().getAsJsonArray().get(0).getAsJsonObject();
        JsonObject localized = http.get(path + "?with_localizations=true")
                .json()
                .getAsJsonArray()
                .get(0)
                .getAsJsonObject();

        assertThat(put.getAsJsonObject("description_localizations").get("fr").getAsString())
                .isEqualTo("Points de suivi");
        assertThat(plain.has("description_localizations")).isFalse();
        assertThat(plain.getAsJsonArray("options").get(0).getAsJsonObject().has("description_localizations"))
                .isFalse();
        assertThat(localized
                        .getAsJsonObject("description_localizations")
                        .get("es-ES")
                        .getAsString())
                .isEqualTo("Seguimientos");
        assertThat(localized
                        .getAsJsonArray("options")
                        .get(0)
                        .getAsJsonObject()
                        .getAsJsonObject("description_localizations")
                        .get("es-419")
                        .getAsString())
                .isEqualTo("Cada pareja");
        assertThat(discord.commandsJson(0, true)).contains("Chaque binôme");
        assertThat(discord.commandsJson(0)).doesNotContain("Chaque binôme");
    }

    @Test
    void localizations_in_an_unknown_locale_or_longer_than_discord_takes_are_refused() {
        start(residency());
        String path = "applications/" + Json.id(discord.applicationId()) + "/commands";

        Http.Reply unknownLocale = http.send(
                "PUT",
                path,
                "[{\"name\":\"rapport\",\"description\":\"x\",\"description_localizations\":{\"fr-FR\":\"y\"}}]",
                "Bot " + discord.botToken());
        Http.Reply tooLong = http.send(
                "PUT",
                path,
                Json.arr(Json.obj(
                                "name",
                                "rapport",
                                "description",
                                "x",
                                "options",
                                Json.arr(Json.obj(
                                        "type",
                                        1,
                                        "name",
                                        "health",
                                        "description",
                                        "y",
                                        "description_localizations",
                                        Json.obj("es-ES", "d".repeat(101))))))
                        .toString(),
                "Bot " + discord.botToken());

        assertThat(firstError(
                                unknownLocale.object().getAsJsonObject("errors"),
                                "0",
                                "description_localizations",
                                "fr-FR")
                        .get("code")
                        .getAsString())
                .isEqualTo("BASE_TYPE_CHOICES");
        assertThat(firstError(
                                tooLong.object().getAsJsonObject("errors"),
                                "0",
                                "options",
                                "0",
                                "description_localizations",
                                "es-ES")
                        .get("code")
                        .getAsString())
                .isEqualTo("BASE_TYPE_BAD_LENGTH");
        assertThat(discord.commandNames(0)).isEmpty();
    }

    @Test
    void commands_that_break_discords_rules_are_refused() {
        start(residency());
        String path = "applications/" + Json.id(discord.applicationId()) + "/commands";
        JsonArray options = new JsonArray();
        for (int i = 0; i < 26; i++) {
            options.add(Json.obj("type", 3, "name", "o" + i, "description", "option"));
        }

        Http.Reply badName = http.send(
                "PUT", path, "[{\"name\":\"Rapport Health\",\"description\":\"x\"}]", "Bot " + discord.botToken());
        Http.Reply longDescription = http.send(
                "PUT",
                path,
                Json.arr(Json.obj("name", "rapport", "description", "d".repeat(101)))
                        .toString(),
                "Bot " + discord.botToken());
        Http.Reply tooManyOptions = http.send(
                "PUT",
                path,
                Json.arr(Json.obj("name", "rapport", "description", "x", "options", options))
                        .toString(),
                "Bot " + discord.botToken());
        Http.Reply requiredAfterOptional = http.post(
                path,
                "{\"name\":\"pair\",\"description\":\"x\",\"options\":[{\"type\":3,\"name\":\"a\",\"description\":"
                        + "\"a\"},{\"type\":3,\"name\":\"b\",\"description\":\"b\",\"required\":true}]}");

        JsonObject errors = badName.object().getAsJsonObject("errors");
        assertThat(firstError(errors, "0", "name").get("code").getAsString())
                .isEqualTo("APPLICATION_COMMAND_INVALID_NAME");
        assertThat(firstError(longDescription.object().getAsJsonObject("errors"), "0", "description")
                        .get("code")
                        .getAsString())
                .isEqualTo("BASE_TYPE_BAD_LENGTH");
        assertThat(firstError(tooManyOptions.object().getAsJsonObject("errors"), "0", "options")
                        .get("message")
                        .getAsString())
                .isEqualTo("Must be 25 or fewer in length.");
        assertThat(requiredAfterOptional.status()).isEqualTo(400);
        assertThat(discord.commandNames(0)).isEmpty();
    }

    @Test
    void a_members_roles_and_the_guilds_roles_can_be_read() {
        start(residency());

        JsonObject ana = http.get("guilds/" + GUILD + "/members/" + ANA).object();
        Http.Reply stranger = http.get("guilds/" + GUILD + "/members/42");
        JsonArray roles = http.get("guilds/" + GUILD + "/roles").json().getAsJsonArray();

        assertThat(ana.getAsJsonObject("user").get("global_name").getAsString()).isEqualTo("Ana");
        assertThat(ana.getAsJsonArray("roles").toString()).isEqualTo("[\"" + COORDINATORS + "\"]");
        assertThat(stranger.status()).isEqualTo(404);
        assertThat(stranger.object().get("code").getAsInt()).isEqualTo(10007);
        assertThat(roles)
                .extracting(r -> r.getAsJsonObject().get("name").getAsString())
                .containsExactly("@everyone", "Coordinators", "Rapport");
        assertThat(roles.get(1).getAsJsonObject().get("permissions").getAsString())
                .isEqualTo(Long.toString(Permissions.MANAGE_GUILD));
        assertThat(roles.get(2)
                        .getAsJsonObject()
                        .getAsJsonObject("tags")
                        .get("bot_id")
                        .getAsString())
                .isEqualTo(Json.id(discord.botUserId()));
    }

    @Test
    void injected_server_errors_closed_dms_and_outages_answer_as_discord_would() {
        start(residency());
        long ben = dm(BEN);
        discord.failNextCalls(2, 502, Endpoint.CREATE_MESSAGE);

        Http.Reply unaffected = http.get("users/@me");
        Http.Reply failed1 = send(ben, "{\"content\":\"a\"}");
        Http.Reply failed2 = send(ben, "{\"content\":\"a\"}");
        Http.Reply recovered = send(ben, "{\"content\":\"a\"}");
        discord.closeDirectMessages(BEN);
        Http.Reply closed = send(ben, "{\"content\":\"b\"}");
        Http.Reply reopen = http.post("users/@me/channels", "{\"recipient_id\":" + BEN + "}");
        discord.startOutage();
        Http.Reply down = http.get("users/@me");
        discord.endOutage();
        Http.Reply up = http.get("users/@me");

        assertThat(unaffected.status()).isEqualTo(200);
        assertThat(List.of(failed1.status(), failed2.status(), recovered.status()))
                .containsExactly(502, 502, 200);
        assertThat(closed.status()).isEqualTo(403);
        assertThat(closed.object().toString())
                .isEqualTo("{\"message\":\"Cannot send messages to this user\",\"code\":50007}");
        assertThat(reopen.status()).isEqualTo(200);
        assertThat(down.status()).isEqualTo(503);
        assertThat(up.status()).isEqualTo(200);
        assertThat(discord.messagesTo(BEN)).hasSize(1);
    }

    @Test
    void a_delay_slows_every_answer() {
        start(residency());
        discord.delayResponses(Duration.ofMillis(300));

        long start = System.nanoTime();
        Http.Reply me = http.get("users/@me");
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        discord.delayResponses(Duration.ZERO);

        assertThat(me.status()).isEqualTo(200);
        assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(300));
    }

    @Test
    void the_configured_users_and_guilds_can_be_listed_and_new_messages_are_pushed_to_listeners() {
        start(residency().user(42, "dora", "Dora"));
        List<DiscordMessage> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        discord.onMessage(seen::add);
        long ben = dm(BEN);

        send(ben, "{\"content\":\"hello\"}");

        assertThat(discord.users()).extracting(DiscordUser::username).containsExactly("Rapport", "ana", "ben", "dora");
        assertThat(discord.guilds()).singleElement().satisfies(g -> {
            assertThat(g.textChannels()).containsExactly(java.util.Map.entry(GENERAL, "general"));
            assertThat(g.roles().values()).containsExactly("@everyone", "Coordinators", "Rapport");
            assertThat(g.members()).containsEntry(ANA, List.of(COORDINATORS)).containsKey(discord.botUserId());
            assertThat(g.ownerId()).isEqualTo(ANA);
        });
        org.awaitility.Awaitility.await()
                .atMost(Duration.ofSeconds(5))
                .untilAsserted(() ->
                        assertThat(seen).extracting(DiscordMessage::content).containsExactly("hello"));
    }

    @Test
    void an_unknown_route_is_404_and_recorded() {
        start(residency());

        Http.Reply unknown = http.get("guilds/" + GUILD + "/emojis");

        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.object().get("message").getAsString()).isEqualTo("404: Not Found");
        assertThat(discord.calls())
                .singleElement()
                .satisfies(c -> assertThat(c.endpoint()).isNull());
    }
}
