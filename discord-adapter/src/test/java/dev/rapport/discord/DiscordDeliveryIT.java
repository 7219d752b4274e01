package dev.rapport.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.rapport.core.chat.ChatMessage;
import dev.rapport.core.chat.Platform;
import dev.rapport.core.chat.Recipient;
import dev.rapport.core.chat.SendKey;
import dev.rapport.core.chat.SendResult;
import dev.rapport.core.pair.ImportFile;
import dev.rapport.discord.LocalDiscordWorld.Person;
import dev.rapport.localdiscord.DiscordMessage;
import dev.rapport.localdiscord.Endpoint;
import dev.rapport.localdiscord.Interaction;
import dev.rapport.localdiscord.InteractionResponse;
import dev.rapport.localdiscord.Options;
import dev.rapport.localdiscord.RestCall;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.Status;

/** Sending through the outbox when Discord pushes back: 429s, closed DMs, a dropped gateway. */
class DiscordDeliveryIT extends DiscordTestSupport {

    /** The {@code discord} health the application's readiness includes. */
    @Autowired
    DiscordHealth health;

    @Autowired
    DiscordChatPort port;

    @Test
    void a_message_sent_again_after_an_unknown_outcome_carries_the_same_nonce_and_discord_returns_the_first() {
        Person ana = LocalDiscordWorld.member();
        Recipient to = new Recipient(Platform.DISCORD, String.valueOf(LocalDiscordWorld.GUILD), ana.userId(), "Ana");
        Instant began = Instant.now();
        SendResult first = port.send(to, ChatMessage.text("Your check-in is ready"), SendKey.first(90_001));

        // As after a crash, or a timeout, between Discord's answer and Rapport's record of it.
        SendResult again = port.send(to, ChatMessage.text("Your check-in is ready"), new SendKey(90_001, began));

        assertThat(first).isInstanceOf(SendResult.Sent.class);
        assertThat(again)
                .isInstanceOfSatisfying(
                        SendResult.Sent.class,
                        s -> assertThat(s.messageId()).isEqualTo(((SendResult.Sent) first).messageId()));
        assertThat(dms(ana)).hasSize(1);
        assertThat(discord.deduplicatedMessages()).isPositive();

        SendResult other = port.send(to, ChatMessage.text("Another message"), new SendKey(90_002, began));
        assertThat(other)
                .as("a row in doubt whose first send never arrived is sent")
                .isInstanceOfSatisfying(
                        SendResult.Sent.class, s -> assertThat(s.alreadyThere()).isFalse());
        assertThat(dms(ana)).hasSize(2);
    }

    @Test
    void a_burst_of_429s_delays_the_welcomes_but_each_arrives_exactly_once() {
        Person cora = LocalDiscordWorld.coordinator();
        setUp("Residents");
        List<Person> people = new ArrayList<>();
        StringBuilder csv = new StringBuilder("mentor_id,mentor_name,mentee_id,mentee_name\n");
        for (int i = 0; i < 4; i++) {
            Person mentor = LocalDiscordWorld.member();
            Person mentee = LocalDiscordWorld.member();
            people.add(mentor);
            people.add(mentee);
            csv.append(mentor.userId()).append(',').append(mentor.name()).append(',');
            csv.append(mentee.userId()).append(',').append(mentee.name()).append('\n');
        }
        assertThat(say(cora, "import", Map.of("file", csvFile(csv.toString())))).contains("Imported 4 pairs");
        long refusedBefore = rateLimited();
        int invalidBefore = discord.invalidRequests();

        discord.rateLimitNextMessages(3, Duration.ofSeconds(1));
        dispatcher.drain("test");

        for (Person p : people) {
            assertThat(dms(p))
                    .as("welcomes to %s", p.name())
                    .filteredOn(m -> m.content().contains("Welcome to Residents"))
                    .hasSize(1);
        }
        assertThat(rateLimited() - refusedBefore).isEqualTo(3);
        assertThat(discord.invalidRequests() - invalidBefore).isEqualTo(3);
        assertThat(jdbc.queryForList("select distinct status from outbox", String.class))
                .containsExactly("SENT");
    }

    @Test
    void a_user_with_closed_dms_is_reported_to_the_coordinator_once_and_not_tried_again() {
        Person cora = LocalDiscordWorld.coordinator();
        Person lee = LocalDiscordWorld.member();
        Person ana = LocalDiscordWorld.member();
        discord.closeDirectMessages(ana.id());
        programmeWithPair(cora, lee, ana);

        dispatcher.drain("test"); // the welcomes: Ana's is refused
        dispatcher.drain("test"); // the coordinator's notice about it
        at("2026-11-30T10:00:00Z"); // the first check-ins
        at("2026-12-07T10:00:00Z"); // and the next

        long channel = discord.dmChannelOf(ana.id()).orElseThrow();
        assertThat(discord.calls())
                .filteredOn(c ->
                        c.endpoint() == Endpoint.CREATE_MESSAGE && c.path().equals("channels/" + channel + "/messages"))
                .extracting(RestCall::status, RestCall::errorCode)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(403, 50007));
        assertThat(jdbc.queryForObject(
                        "select unreachable_since is not null from participant where platform_user_id = ?",
                        Boolean.class,
                        ana.userId()))
                .isTrue();
        assertThat(dms(cora))
                .filteredOn(m -> m.content().contains("cannot send direct messages to " + ana.name()))
                .hasSize(1);
        assertThat(dms(lee))
                .filteredOn(m -> m.content().contains("check-in time"))
                .hasSize(2);
    }

    @Test
    void after_an_outage_the_bot_resumes_reports_ready_again_and_answers_an_interaction_dispatched_while_it_was_down() {
        Person ana = LocalDiscordWorld.member();

        assertThat(health.health().getStatus()).isEqualTo(Status.UP);
        discord.startOutage();
        await().atMost(CONNECT).until(() -> connection.status() != DiscordConnection.Status.CONNECTED);
        assertThat(health.health().getStatus()).isEqualTo(Status.DOWN);
        Interaction whileDown = discord.as(LocalDiscordWorld.GUILD, ana.id()).slashCommand("rapport", "help", Map.of());
        assertThat(whileDown.delivered()).isFalse();
        discord.endOutage();

        InteractionResponse ack = whileDown.awaitResponse(CONNECT);
        assertThat(ack.accepted()).isTrue();
        assertThat(ack.latency()).isLessThan(THREE_SECONDS);
        assertThat(reply(whileDown)).contains("/rapport");
        await().atMost(CONNECT).until(() -> connection.status() == DiscordConnection.Status.CONNECTED);
        assertThat(health.health().getDetails()).containsEntry("status", "connected");
        assertThat(discord.gatewayLogins())
                .filteredOn(l -> l.kind() == dev.rapport.localdiscord.GatewayLogin.Kind.RESUME && l.accepted())
                .isNotEmpty();
    }

    @Test
    void a_file_over_two_megabytes_is_refused_with_a_friendly_message() {
        Person cora = LocalDiscordWorld.coordinator();
        setUp("Residents");
        byte[] big = new byte[ImportFile.MAX_BYTES + 1];
        java.util.Arrays.fill(big, (byte) 'a');

        String reply = say(cora, "import", Map.of("file", Options.attachment("pairs.csv", "text/csv", big)));

        assertThat(reply).contains("over 2 MB");
    }

    @Test
    void an_export_comes_back_as_a_csv_file_on_the_private_reply() {
        Person cora = LocalDiscordWorld.coordinator();
        programmeWithPair(cora, LocalDiscordWorld.member(), LocalDiscordWorld.member());

        Interaction export = run(cora, "export", Map.of());
        reply(export);

        DiscordMessage m = export.originalMessage().orElseThrow();
        assertThat(m.attachments()).singleElement().satisfies(f -> {
            assertThat(f.filename()).endsWith(".csv");
            assertThat(f.text()).startsWith("pair");
        });
    }

    private long rateLimited() {
        return discord.calls().stream()
                .filter(c -> c.endpoint() == Endpoint.CREATE_MESSAGE && c.status() == 429)
                .count();
    }

    private static Options.Value csvFile(String csv) {
        return Options.attachment("pairs.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8));
    }
}
