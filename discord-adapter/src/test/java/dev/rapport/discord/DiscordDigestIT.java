package dev.rapport.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.rapport.core.database.SqlTime;
import dev.rapport.core.digest.DigestService;
import dev.rapport.discord.LocalDiscordWorld.Person;
import dev.rapport.localdiscord.DiscordMessage;
import dev.rapport.localdiscord.Interaction;
import dev.rapport.localdiscord.InteractionResponse;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The weekly digest end to end through JDA: it arrives in the DM of the coordinator (a holder of the programme's role),
 * and a tap on its buttons there, where Discord says nothing of her server or roles, answers her privately with what
 * {@code /rapport programme pair #1} shows and snoozes the pair, her roles read from the server as the command would.
 */
class DiscordDigestIT extends DiscordTestSupport {

    @Autowired
    DigestService digests;

    Person cora;
    Person lee;
    Person ana;

    @BeforeEach
    void aDigestInTheCoordinatorsDm() {
        cora = LocalDiscordWorld.coordinator();
        lee = LocalDiscordWorld.member();
        ana = LocalDiscordWorld.member();
        programmeWithPair(cora, lee, ana);
        jdbc.update(
                "insert into pair_state_change (pair_id, at, state, previous_state, reasons)"
                        + " select id, ?, 'AT_RISK', 'ON_TRACK', '' from pair",
                SqlTime.of(Instant.parse("2026-11-29T12:00:00Z")));
        clock.set(Instant.parse("2026-11-30T10:05:00Z")); // Monday, past 09:00 in Lisbon: the digest's day
        assertThat(digests.run()).isEqualTo(1);
        dispatcher.drain("test-worker");
    }

    private static String button(DiscordMessage m, String prefix) {
        return m.customIds().stream()
                .filter(id -> id.startsWith(prefix))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no button " + prefix + "… in " + m.customIds()));
    }

    private String tap(DiscordMessage digest, String prefix) {
        Interaction tap = discord.as(cora.id()).click(digest, button(digest, prefix));
        InteractionResponse ack = tap.awaitResponse();
        assertThat(ack.accepted()).isTrue();
        assertThat(ack.latency()).isLessThan(THREE_SECONDS);
        List<InteractionResponse> followUps = tap.awaitFollowUps(1, WAIT);
        InteractionResponse reply = followUps.getFirst();
        assertThat(reply.ephemeral()).as("only she sees it").isTrue();
        return plain(reply.content() + "\n" + reply.embedsJson());
    }

    @Test
    void the_digest_arrives_in_the_coordinators_dm_and_its_buttons_open_and_snooze_the_pair() {
        DiscordMessage digest = awaitDm(cora, m -> m.content().contains("your weekly digest"));
        assertThat(digest.directMessage()).isTrue();
        assertThat(text(digest)).contains(lee.name() + " & " + ana.name() + ": newly at risk");
        assertThat(digest.buttonLabels()).containsExactly("Open pair", "Snooze 14 days");

        assertThat(tap(digest, "rapport:digest:open:")).contains(lee.name()).contains(ana.name());
        assertThat(tap(digest, "rapport:digest:snooze:")).contains("snoozed for 14 days");
        await().atMost(WAIT)
                .until(() -> jdbc.queryForObject(
                                "select count(*) from pair_health where alert_snoozed_until is not null", Integer.class)
                        == 1);
        assertThat(discord.message(digest.id()).orElseThrow().customIds())
                .as("the digest stays as it was")
                .isEqualTo(digest.customIds());
    }
}
