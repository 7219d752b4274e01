package dev.rapport.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.rapport.core.outbox.Outages;
import dev.rapport.core.pair.PairService;
import dev.rapport.discord.LocalDiscordWorld.Person;
import dev.rapport.localdiscord.DiscordMessage;
import dev.rapport.localkit.Outage;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An outage delays, never drops, against the local Discord: for two hours of Rapport's clock Discord answers every
 * REST call with 503 and drops the gateway, or refuses every connection; check-ins fall due meanwhile and a pair ends.
 * No message spends an attempt or fails, no coordinator is told, Rapport probes; when Discord is back, every message
 * still worth sending arrives once and the rest expire with their reason.
 */
class DiscordOutageIT extends DiscordTestSupport {

    @Autowired
    PairService pairs;

    @Autowired
    Outages outages;

    private long count(String where) {
        return jdbc.queryForObject("select count(*) from outbox where " + where, Long.class);
    }

    /** The workers' loop as the jobs run it, the clock moving a minute at a time. */
    private void runUntil(String instant) {
        runUntil(instant, Duration.ofMinutes(1));
    }

    /**
     * The same in bigger steps: each probe of a Discord answering 503 takes JDA's own three retries (3.5 s of real
     * time), so two hours of minute-steps would take minutes of real time for nothing more.
     */
    private void runUntil(String instant, Duration step) {
        Instant end = Instant.parse(instant);
        while (clock.instant().isBefore(end)) {
            clock.advance(step);
            tick();
        }
    }

    private long checkInsTo(Person p) {
        return dms(p).stream()
                .filter(DiscordTestSupport::isCheckIn)
                .map(DiscordMessage::id)
                .distinct()
                .count();
    }

    @ParameterizedTest
    @EnumSource(Outage.class)
    void two_hours_of_outage_delay_every_message_and_lose_none(Outage kind) {
        Person cora = LocalDiscordWorld.coordinator();
        Person lee = LocalDiscordWorld.member();
        Person ana = LocalDiscordWorld.member();
        Person sam = LocalDiscordWorld.member();
        Person mia = LocalDiscordWorld.member();
        programmeWithPair(cora, lee, ana);
        programmeWithPairInTheSameProgramme(cora, sam, mia);
        long ending = jdbc.queryForObject(
                "select p.id from pair p join participant m on m.id = p.mentor_id where m.platform_user_id = ?",
                Long.class,
                sam.userId());
        runUntil("2026-11-30T09:00:00Z"); // the welcomes go out; the check-ins are due at 10:00 (Lisbon is UTC)
        int before = discord.messages().size();

        discord.startOutage(kind);
        try {
            runUntil("2026-11-30T10:30:00Z", Duration.ofMinutes(10));
            pairs.end(ending);
            runUntil("2026-11-30T11:00:00Z", Duration.ofMinutes(10));

            assertThat(discord.messages()).hasSize(before);
            assertThat(count("kind = 'CHECK_IN' and status = 'PENDING' and attempts = 0"))
                    .as("the check-ins wait, no attempt spent")
                    .isEqualTo(4);
            assertThat(count("status = 'FAILED'")).isZero();
            assertThat(outages.current())
                    .singleElement()
                    .satisfies(o -> assertThat(o.describe()).isEqualTo("Discord"));
        } finally {
            discord.endOutage();
        }
        // Messages go over REST, which is back at once; the gateway resumes on JDA's own schedule.
        runUntil("2026-11-30T11:03:00Z");

        assertThat(checkInsTo(lee)).isEqualTo(1);
        assertThat(checkInsTo(ana)).isEqualTo(1);
        assertThat(checkInsTo(sam)).isZero();
        assertThat(checkInsTo(mia)).isZero();
        assertThat(jdbc.queryForList("select last_error from outbox where status = 'EXPIRED'", String.class))
                .containsExactly("PAIR_ENDED: the pair has ended", "PAIR_ENDED: the pair has ended");
        assertThat(count("status not in ('SENT', 'EXPIRED')")).isZero();
        assertThat(count("kind = 'NOTICE'"))
                .as("no coordinator is told of an outage")
                .isZero();
        assertThat(outages.current()).isEmpty();
        await().atMost(Duration.ofMinutes(2)).until(() -> connection.status() == DiscordConnection.Status.CONNECTED);
    }

    /** A second pair in the programme {@link #programmeWithPair} set up. */
    private void programmeWithPairInTheSameProgramme(Person coordinator, Person mentor, Person mentee) {
        assertThat(say(
                        coordinator,
                        "add-pair",
                        java.util.Map.of(
                                "mentor",
                                dev.rapport.localdiscord.Options.user(mentor.id()),
                                "mentee",
                                dev.rapport.localdiscord.Options.user(mentee.id()))))
                .contains(mentor.name());
    }
}
