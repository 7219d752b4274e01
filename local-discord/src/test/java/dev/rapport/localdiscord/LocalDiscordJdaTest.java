package dev.rapport.localdiscord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.rapport.localkit.Outage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.JDABuilder;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.channel.concrete.PrivateChannel;
import net.dv8tion.jda.api.events.guild.member.GuildMemberJoinEvent;
import net.dv8tion.jda.api.events.message.MessageReceivedEvent;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.requests.ErrorResponse;
import net.dv8tion.jda.api.requests.GatewayIntent;
import net.dv8tion.jda.api.requests.RestConfig;
import net.dv8tion.jda.api.utils.Compression;
import net.dv8tion.jda.api.utils.MemberCachePolicy;
import net.dv8tion.jda.api.utils.SessionControllerAdapter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The real JDA 6 against the local Discord: everything the Discord adapter will rely on, end to end. */
class LocalDiscordJdaTest {

    static final long GUILD = Snowflakes.forShard(0, 1, 7);
    static final long GENERAL = GUILD + 1;
    static final long COORDINATORS = GUILD + 2;
    static final long ANA = 1_300_000_000_000_000_001L;
    static final long BEN = 1_300_000_000_000_000_002L;
    static final long CARL = 1_300_000_000_000_000_003L;

    /** A bad GUILD_CREATE makes JDA hang for about 75 s before giving up: never wait that long. */
    static final Duration READY = Duration.ofSeconds(20);

    private LocalDiscord discord;
    private JDA jda;

    @AfterEach
    void stop() {
        // JDA first: with the local Discord gone, its reconnect loop would keep the JVM alive.
        if (jda != null) {
            jda.shutdownNow();
            try {
                jda.awaitShutdown(Duration.ofSeconds(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (discord != null) {
            discord.close();
        }
    }

    private LocalDiscord.Builder residency() {
        return LocalDiscord.builder()
                .guild(
                        GUILD,
                        "Residency",
                        g -> g.textChannel(GENERAL, "general")
                                .role(COORDINATORS, "Coordinators", Permissions.MANAGE_GUILD)
                                .member(ANA, "ana", "Ana", COORDINATORS)
                                .member(BEN, "ben", "Ben")
                                .member(CARL, "carl", "Carl"));
    }

    private JDA connect(LocalDiscord d, GatewayIntent... extra) {
        return connect(d, b -> {}, extra);
    }

    private JDA connect(LocalDiscord d, Consumer<JDABuilder> configure, GatewayIntent... extra) {
        JDABuilder builder = extra.length == 0
                ? JDABuilder.createLight(d.botToken())
                : JDABuilder.createLight(d.botToken(), List.of(extra));
        configure.accept(builder);
        String gateway = d.gatewayUrl();
        return builder.setRestConfig(new RestConfig().setBaseUrl(d.restUrl()))
                .setSessionController(new SessionControllerAdapter() {
                    @Override
                    public String getGateway() {
                        return gateway;
                    }
                })
                .setCompression(Compression.NONE)
                .addEventListeners(new TestBot())
                .build();
    }

    private JDA ready(LocalDiscord d) {
        JDA j = connect(d);
        await().atMost(READY).until(() -> j.getStatus() == JDA.Status.CONNECTED);
        j.updateCommands().addCommands(TestBot.command()).complete();
        return j;
    }

    @Test
    void jda_logs_in_sees_the_configured_guild_and_identifies_without_privileged_intents() {
        discord = residency().start();
        jda = ready(discord);

        assertThat(jda.getGuilds()).extracting(g -> g.getIdLong()).containsExactly(GUILD);
        var guild = jda.getGuildById(GUILD);
        assertThat(guild.getName()).isEqualTo("Residency");
        assertThat(guild.getTextChannelById(GENERAL).getName()).isEqualTo("general");
        assertThat(guild.getRoleById(COORDINATORS).getName()).isEqualTo("Coordinators");
        assertThat(guild.getSelfMember().getIdLong()).isEqualTo(discord.botUserId());
        assertThat(guild.getMemberCount()).isEqualTo(4);
        assertThat(jda.getSelfUser().getApplicationIdLong()).isEqualTo(discord.applicationId());
        assertThat(discord.gatewayLogins()).singleElement().satisfies(login -> {
            assertThat(login.accepted()).isTrue();
            assertThat(Intents.anyPrivileged(login.intents())).isFalse();
        });
        assertThat(discord.commandNames(0)).containsExactly("rapport");
    }

    @Test
    void asking_for_a_privileged_intent_the_application_was_not_granted_is_refused_with_4014() {
        discord = residency().start();
        jda = connect(discord, GatewayIntent.GUILD_MEMBERS);

        await().atMost(READY).until(() -> jda.getStatus() == JDA.Status.SHUTDOWN);
        assertThat(discord.gatewayLogins()).singleElement().satisfies(login -> {
            assertThat(login.closeCode()).isEqualTo(4014);
            assertThat(login.intents() & Intents.GUILD_MEMBERS).isNotZero();
        });
    }

    @Test
    void a_granted_privileged_intent_brings_every_member_in_the_guild_create() {
        discord = residency().grantPrivilegedIntents(Intents.GUILD_MEMBERS).start();
        jda = connect(discord, b -> b.setMemberCachePolicy(MemberCachePolicy.ALL), GatewayIntent.GUILD_MEMBERS);

        await().atMost(READY).until(() -> jda.getStatus() == JDA.Status.CONNECTED);
        assertThat(jda.getGuildById(GUILD).getMembers()).hasSize(4);
        assertThat(jda.getGuildById(GUILD).getMemberById(ANA).getRoles())
                .extracting(r -> r.getIdLong())
                .containsExactly(COORDINATORS);
    }

    @Test
    void without_the_members_intent_a_member_and_their_roles_are_read_over_rest() {
        discord = residency().start();
        jda = ready(discord);

        var guild = jda.getGuildById(GUILD);
        var ana = guild.retrieveMemberById(ANA).complete();

        assertThat(guild.getMemberById(ANA)).isNull();
        assertThat(ana.getRoles()).extracting(r -> r.getIdLong()).containsExactly(COORDINATORS);
        assertThat(ana.hasPermission(net.dv8tion.jda.api.Permission.MANAGE_SERVER))
                .isTrue();
        assertThat(guild.retrieveMemberById(BEN).complete().hasPermission(net.dv8tion.jda.api.Permission.MANAGE_SERVER))
                .isFalse();
        assertThat(discord.callsTo(Endpoint.GET_GUILD_MEMBER)).isEqualTo(2);
    }

    @Test
    void the_bot_sends_a_direct_message_through_the_one_dm_channel_of_the_user() {
        discord = residency().start();
        jda = ready(discord);

        Message sent = jda.openPrivateChannelById(BEN)
                .flatMap(dm -> dm.sendMessage("Welcome to the programme"))
                .complete();
        jda.openPrivateChannelById(BEN)
                .flatMap(dm -> dm.sendMessage("Your first check-in is on Monday"))
                .complete();

        assertThat(sent.getChannel().getIdLong())
                .isEqualTo(discord.dmChannelOf(BEN).orElseThrow());
        assertThat(discord.messagesTo(BEN))
                .extracting(DiscordMessage::content)
                .containsExactly("Welcome to the programme", "Your first check-in is on Monday");
        assertThat(discord.invalidRequests()).isZero();
    }

    @Test
    void a_slash_command_with_typed_options_gets_an_ephemeral_reply_within_three_seconds() {
        discord = residency().start();
        jda = ready(discord);

        Interaction pair = discord.as(GUILD, ANA)
                .slashCommand(
                        "rapport",
                        "pair",
                        Map.of("mentee", Options.user(BEN), "weeks", 3, "urgent", true, "note", "hi"));
        InteractionResponse reply = pair.awaitResponse();

        assertThat(reply.accepted()).isTrue();
        assertThat(reply.type()).isEqualTo(InteractionResponse.CHANNEL_MESSAGE_WITH_SOURCE);
        assertThat(reply.ephemeral()).isTrue();
        assertThat(reply.content())
                .isEqualTo(
                        "pair with Ben (member: true) over 3 weeks, urgent=true, note=hi, asked by ana in Residency");
        assertThat(reply.latency()).isLessThan(Duration.ofSeconds(3));
        assertThat(pair.originalMessage()).get().satisfies(m -> {
            assertThat(m.ephemeral()).isTrue();
            assertThat(m.channelId()).isEqualTo(GENERAL);
        });

        InteractionResponse inDm =
                discord.as(BEN).slashCommand("rapport", "health", Map.of()).awaitResponse();
        assertThat(inDm.content()).isEqualTo("All pairs on track");
        assertThat(discord.messagesTo(BEN))
                .singleElement()
                .satisfies(m -> assertThat(m.ephemeral()).isTrue());
    }

    @Test
    void autocomplete_gets_choices() {
        discord = residency().start();
        jda = ready(discord);

        InteractionResponse choices = discord.as(GUILD, ANA)
                .autocomplete("rapport", "timezone", Map.of(), "zone", "Europe/")
                .awaitResponse();

        assertThat(choices.type()).isEqualTo(InteractionResponse.APPLICATION_COMMAND_AUTOCOMPLETE_RESULT);
        assertThat(choices.choices())
                .extracting(InteractionResponse.Choice::name)
                .containsExactly("Europe/Paris", "Europe/Lisbon");
    }

    @Test
    void buttons_in_a_dm_edit_their_message_by_update_and_by_deferred_edit() {
        discord = residency().start();
        jda = ready(discord);
        TestBot.sendCheckin(jda, BEN);
        TestBot.sendCheckin(jda, ANA);
        DiscordMessage toBen = discord.messagesTo(BEN).getFirst();
        DiscordMessage toAna = discord.messagesTo(ANA).getFirst();
        assertThat(toBen.customIds()).containsExactly("met:yes", "met:no", "comment");

        Interaction yes = discord.as(BEN).click(toBen, "met:yes");
        Interaction no = discord.as(ANA).click(toAna, "met:no");

        assertThat(yes.awaitResponse().type()).isEqualTo(InteractionResponse.UPDATE_MESSAGE);
        assertThat(yes.sourceMessage()).get().satisfies(m -> {
            assertThat(m.content()).isEqualTo("Thanks, noted: you met.");
            assertThat(m.customIds()).isEmpty();
            assertThat(m.edited()).isTrue();
        });
        assertThat(no.awaitResponse().type()).isEqualTo(InteractionResponse.DEFERRED_UPDATE_MESSAGE);
        no.awaitResponses(2, Interaction.DEFAULT_WAIT);
        assertThat(discord.message(toAna.id()))
                .get()
                .extracting(DiscordMessage::content)
                .isEqualTo("Noted: no meeting yet.");
        assertThatThrownBy(() -> discord.as(ANA).click(toBen, "met:yes"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cannot see a DM");
    }

    @Test
    void a_button_opens_a_modal_whose_submission_reaches_the_bot() {
        discord = residency().start();
        jda = ready(discord);
        TestBot.sendCheckin(jda, BEN);
        DiscordMessage checkin = discord.messagesTo(BEN).getFirst();

        Interaction click = discord.as(BEN).click(checkin, "comment");
        InteractionResponse modal = click.awaitResponse();
        assertThat(modal.type()).isEqualTo(InteractionResponse.MODAL);
        assertThat(modal.modalCustomId()).isEqualTo("checkin-comment");
        assertThat(modal.customIds()).containsExactly("comment", "share");

        InteractionResponse answer = discord.as(BEN)
                .submitModal(click, Map.of("comment", "We met twice", "share", true))
                .awaitResponse();

        assertThat(answer.content()).isEqualTo("comment=We met twice share=true from ben");
        assertThat(answer.ephemeral()).isTrue();
        assertThatThrownBy(() -> discord.as(BEN).submitModal(click, Map.of("share", true)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("without \"Comment\"");
    }

    @Test
    void an_attachment_option_is_downloadable_and_a_deferred_reply_with_a_file_replaces_the_thinking_message() {
        discord = residency().start();
        jda = ready(discord);

        Interaction imported = discord.as(GUILD, ANA)
                .slashCommand(
                        "rapport",
                        "import",
                        Map.of(
                                "file",
                                Options.attachment(
                                        "pairs.csv",
                                        "text/csv",
                                        "mentor_id,mentee_id\n1,2\n3,4\n".getBytes(StandardCharsets.UTF_8))));
        Interaction export = discord.as(GUILD, ANA).slashCommand("rapport", "export", Map.of());

        assertThat(imported.awaitResponse().type()).isEqualTo(InteractionResponse.DEFERRED_CHANNEL_MESSAGE_WITH_SOURCE);
        assertThat(imported.awaitFollowUps(1, Interaction.DEFAULT_WAIT)
                        .getFirst()
                        .content())
                .isEqualTo("imported 2 pairs from pairs.csv");
        List<InteractionResponse> followUps = export.awaitFollowUps(2, Interaction.DEFAULT_WAIT);
        assertThat(followUps.getFirst().files()).singleElement().satisfies(f -> {
            assertThat(f.filename()).isEqualTo("export.csv");
            assertThat(f.text()).isEqualTo("pair,score\n1,5\n");
        });
        assertThat(export.originalMessage()).get().satisfies(m -> {
            assertThat(m.loading()).isFalse();
            assertThat(m.ephemeral()).isTrue();
            assertThat(m.content()).isEqualTo("Here is the export");
        });
        assertThat(followUps.get(1).messageId())
                .isNotEqualTo(followUps.getFirst().messageId());
    }

    @Test
    void a_burst_of_429s_delays_the_messages_but_each_arrives_exactly_once_and_in_order() {
        discord = residency().start();
        jda = ready(discord);
        discord.rateLimitNextMessages(2, Duration.ofMillis(500));

        for (int i = 1; i <= 3; i++) {
            jda.openPrivateChannelById(BEN)
                    .flatMap(dm -> dm.sendMessage("check-in"))
                    .queue();
        }
        for (int i = 1; i <= 3; i++) {
            int n = i;
            jda.openPrivateChannelById(CARL)
                    .flatMap(dm -> dm.sendMessage("reminder " + n))
                    .queue();
        }

        await().atMost(Duration.ofSeconds(20))
                .until(() -> discord.messagesTo(BEN).size() == 3
                        && discord.messagesTo(CARL).size() == 3);
        assertThat(discord.messagesTo(CARL))
                .extracting(DiscordMessage::content)
                .containsExactly("reminder 1", "reminder 2", "reminder 3");
        assertThat(discord.calls())
                .filteredOn(c -> c.endpoint() == Endpoint.CREATE_MESSAGE && c.status() == 429)
                .hasSize(2);
        assertThat(discord.messages()).hasSize(6);
    }

    @Test
    void jda_paces_itself_by_the_bucket_headers_and_never_hits_the_per_channel_limit() {
        discord = residency()
                .rateLimit(Bucket.CREATE_MESSAGE, 2, Duration.ofSeconds(1))
                .start();
        jda = ready(discord);

        for (int i = 1; i <= 6; i++) {
            int n = i;
            jda.openPrivateChannelById(BEN)
                    .flatMap(dm -> dm.sendMessage("message " + n))
                    .queue();
        }

        await().atMost(Duration.ofSeconds(20))
                .until(() -> discord.messagesTo(BEN).size() == 6);
        assertThat(discord.messagesTo(BEN))
                .extracting(DiscordMessage::content)
                .containsExactly("message 1", "message 2", "message 3", "message 4", "message 5", "message 6");
        assertThat(discord.invalidRequests()).isZero();
    }

    @Test
    void after_a_dropped_connection_jda_resumes_and_an_interaction_dispatched_while_it_was_down_is_replayed() {
        discord = residency().start();
        jda = ready(discord);

        discord.dropConnection(0);
        await().atMost(READY)
                .until(() -> discord.gatewayLogins().stream()
                        .anyMatch(l -> l.kind() == GatewayLogin.Kind.RESUME && l.accepted()));

        discord.startOutage();
        Interaction whileDown = discord.as(GUILD, BEN).slashCommand("rapport", "health", Map.of());
        assertThat(whileDown.delivered()).isFalse();
        assertThat(discord.connectedShards()).isEmpty();
        discord.endOutage();

        InteractionResponse reply = whileDown.awaitResponse(Duration.ofSeconds(20));
        assertThat(reply.accepted()).isTrue();
        assertThat(reply.content()).isEqualTo("All pairs on track");
        assertThat(discord.gatewayLogins())
                .filteredOn(l -> l.kind() == GatewayLogin.Kind.IDENTIFY)
                .hasSize(1);
        await().atMost(READY).until(() -> jda.getStatus() == JDA.Status.CONNECTED);
    }

    @Test
    void jda_resumes_after_a_4000_close_and_a_reconnect_request_and_identifies_anew_after_an_invalid_session() {
        discord = residency().start();
        jda = ready(discord);

        discord.closeConnection(0, 4000);
        await().atMost(READY).until(() -> resumes() == 1 && jda.getStatus() == JDA.Status.CONNECTED);
        discord.requestReconnect(0);
        await().atMost(READY).until(() -> resumes() == 2 && jda.getStatus() == JDA.Status.CONNECTED);
        discord.invalidateSession(0, false);
        await().atMost(READY)
                .until(() -> discord.gatewayLogins().stream()
                                        .filter(l -> l.kind() == GatewayLogin.Kind.IDENTIFY && l.accepted())
                                        .count()
                                == 2
                        && jda.getStatus() == JDA.Status.CONNECTED);

        assertThat(discord.as(GUILD, ANA)
                        .slashCommand("rapport", "health", Map.of())
                        .awaitResponse()
                        .accepted())
                .isTrue();
        assertThat(jda.getGuildById(GUILD)).isNotNull();
    }

    @Test
    void a_message_sent_again_with_its_nonce_is_the_first_message_and_reaches_the_gateway_once() {
        discord = residency().start();
        List<Message> received = new CopyOnWriteArrayList<>();
        jda = connect(
                discord,
                b -> b.addEventListeners(new ListenerAdapter() {
                    @Override
                    public void onMessageReceived(MessageReceivedEvent event) {
                        received.add(event.getMessage());
                    }
                }),
                GatewayIntent.DIRECT_MESSAGES);
        await().atMost(READY).until(() -> jda.getStatus() == JDA.Status.CONNECTED);
        PrivateChannel dm = jda.openPrivateChannelById(BEN).complete();

        Message first =
                dm.sendMessage("Did you meet this week?").setNonce("outbox-41").complete();
        Message again =
                dm.sendMessage("Did you meet this week?").setNonce("outbox-41").complete();
        Message next = dm.sendMessage("A reminder").setNonce("outbox-42").complete();

        assertThat(again.getIdLong()).isEqualTo(first.getIdLong());
        assertThat(next.getIdLong()).isNotEqualTo(first.getIdLong());
        assertThat(first.getNonce()).isEqualTo("outbox-41");
        assertThat(discord.messagesTo(BEN))
                .extracting(DiscordMessage::content)
                .containsExactly("Did you meet this week?", "A reminder");
        // Dispatches arrive in order: once the later message's has come, a second one for the first would have too.
        await().atMost(Duration.ofSeconds(10))
                .until(() -> received.stream().anyMatch(m -> "outbox-42".equals(m.getNonce())));
        assertThat(received).extracting(Message::getNonce).containsExactly("outbox-41", "outbox-42");
        assertThat(dm.retrieveMessageById(first.getIdLong()).complete().getNonce())
                .isNull();
        assertThat(discord.deduplicatedMessages()).isEqualTo(1);
    }

    @Test
    void jda_sends_every_message_with_a_nonce_of_its_own_so_distinct_messages_are_never_merged() {
        discord = residency().start();
        jda = ready(discord);

        for (int i = 0; i < 3; i++) {
            jda.openPrivateChannelById(CARL)
                    .flatMap(dm -> dm.sendMessage("same text"))
                    .complete();
        }

        assertThat(discord.messagesTo(CARL)).hasSize(3);
        assertThat(discord.messages())
                .extracting(m -> com.google.gson.JsonParser.parseString(m.json())
                        .getAsJsonObject()
                        .get("nonce")
                        .getAsString())
                .doesNotHaveDuplicates();
    }

    @Test
    void after_a_refused_connection_outage_jda_resumes_on_the_same_urls_and_a_retry_with_the_nonce_sends_once() {
        discord = residency().start();
        jda = ready(discord);
        String restUrl = discord.restUrl();
        Message sent = jda.openPrivateChannelById(BEN)
                .flatMap(dm -> dm.sendMessage("Your check-in").setNonce("outbox-77"))
                .complete();

        discord.startOutage(Outage.REFUSED);
        await().atMost(READY).until(() -> jda.getStatus() != JDA.Status.CONNECTED);
        CompletableFuture<Message> whileDown = jda.openPrivateChannelById(BEN)
                .flatMap(dm -> dm.sendMessage("Your check-in").setNonce("outbox-77"))
                .submit();
        assertThatThrownBy(() -> whileDown.get(20, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .hasMessageContaining("java.net.ConnectException");
        discord.endOutage();

        await().atMost(READY).until(() -> jda.getStatus() == JDA.Status.CONNECTED);
        Message retried = jda.openPrivateChannelById(BEN)
                .flatMap(dm -> dm.sendMessage("Your check-in").setNonce("outbox-77"))
                .complete();
        assertThat(discord.restUrl()).isEqualTo(restUrl);
        assertThat(retried.getIdLong()).isEqualTo(sent.getIdLong());
        assertThat(discord.messagesTo(BEN)).hasSize(1);
        assertThat(discord.gatewayLogins())
                .extracting(GatewayLogin::kind)
                .containsExactly(GatewayLogin.Kind.IDENTIFY, GatewayLogin.Kind.RESUME);
        assertThat(discord.as(GUILD, ANA)
                        .slashCommand("rapport", "health", Map.of())
                        .awaitResponse()
                        .accepted())
                .isTrue();
    }

    @Test
    void a_user_who_joins_while_the_bot_runs_is_announced_to_a_bot_with_the_members_intent_and_can_be_dmed() {
        discord = residency().grantPrivilegedIntents(Intents.GUILD_MEMBERS).start();
        List<net.dv8tion.jda.api.entities.Member> joined = new CopyOnWriteArrayList<>();
        jda = connect(
                discord,
                b -> b.setMemberCachePolicy(MemberCachePolicy.ALL).addEventListeners(new ListenerAdapter() {
                    @Override
                    public void onGuildMemberJoin(GuildMemberJoinEvent event) {
                        joined.add(event.getMember());
                    }
                }),
                GatewayIntent.GUILD_MEMBERS);
        await().atMost(READY).until(() -> jda.getStatus() == JDA.Status.CONNECTED);
        long dora = 1_300_000_000_000_000_004L;

        discord.addMember(GUILD, dora, "dora", "Dora", COORDINATORS);

        await().atMost(Duration.ofSeconds(10)).until(() -> !joined.isEmpty());
        assertThat(joined).singleElement().satisfies(m -> {
            assertThat(m.getUser().getName()).isEqualTo("dora");
            assertThat(m.getRoles()).extracting(r -> r.getIdLong()).containsExactly(COORDINATORS);
        });
        assertThat(jda.getGuildById(GUILD).getMemberById(dora)).isNotNull();
        jda.openPrivateChannelById(dora)
                .flatMap(dm -> dm.sendMessage("Welcome to the programme"))
                .complete();
        assertThat(discord.messagesTo(dora)).hasSize(1);
        assertThat(discord.guilds().getFirst().members()).containsKey(dora);
    }

    @Test
    void without_the_members_intent_a_user_who_joined_later_is_found_over_rest() {
        discord = residency().start();
        jda = ready(discord);
        long dora = 1_300_000_000_000_000_004L;

        discord.addMember(GUILD, dora, "dora", "Dora");
        discord.addUser(1_300_000_000_000_000_005L, "eli", "Eli");

        assertThat(jda.getGuildById(GUILD)
                        .retrieveMemberById(dora)
                        .complete()
                        .getUser()
                        .getGlobalName())
                .isEqualTo("Dora");
        assertThat(jda.retrieveUserById(1_300_000_000_000_000_005L).complete().getName())
                .isEqualTo("eli");
        assertThatThrownBy(() -> discord.addUser(dora, "someone-else", null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private long resumes() {
        return discord.gatewayLogins().stream()
                .filter(l -> l.kind() == GatewayLogin.Kind.RESUME && l.accepted())
                .count();
    }

    @Test
    void a_user_with_closed_dms_is_refused_with_50007() throws Exception {
        discord = residency().start();
        jda = ready(discord);
        discord.closeDirectMessages(CARL);

        CompletableFuture<Message> sent = jda.openPrivateChannelById(CARL)
                .flatMap(dm -> dm.sendMessage("Your check-in"))
                .submit();

        assertThatThrownBy(() -> sent.get(10, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .cause()
                .isInstanceOfSatisfying(
                        ErrorResponseException.class,
                        e -> assertThat(e.getErrorResponse()).isEqualTo(ErrorResponse.CANNOT_SEND_TO_USER));
        assertThat(discord.messagesTo(CARL)).isEmpty();
        assertThat(discord.invalidRequests()).isEqualTo(1);
    }
}
