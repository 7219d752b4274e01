package dev.rapport.core.digest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.core.calendar.QuietHours;
import dev.rapport.core.health.HealthHistory;
import dev.rapport.core.health.HealthState;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The digest's rules as pure functions: who is due one, and what a pair's recorded changes amount to. */
class DigestRulesTest {

    static final Instant NOW = Instant.parse("2026-12-21T10:00:00Z"); // a Monday
    static final Instant SINCE = NOW.minus(Duration.ofDays(7));

    private static HealthHistory.Change change(int daysAgo, HealthState state, HealthState previous) {
        return new HealthHistory.Change(NOW.minus(Duration.ofDays(daysAgo)), state, previous, List.of());
    }

    @Test
    void a_pair_is_news_when_it_ended_the_week_elsewhere_than_it_began_it() {
        assertThat(DigestRules.change(List.of(change(2, HealthState.AT_RISK, HealthState.ON_TRACK)), SINCE))
                .contains(DigestRules.Kind.NEW_AT_RISK);
        assertThat(DigestRules.change(List.of(change(2, HealthState.WATCH, HealthState.TOO_EARLY)), SINCE))
                .contains(DigestRules.Kind.NEW_WATCH);
        assertThat(DigestRules.change(
                        List.of(
                                change(3, HealthState.WATCH, HealthState.AT_RISK),
                                change(2, HealthState.ON_TRACK, HealthState.WATCH)),
                        SINCE))
                .contains(DigestRules.Kind.RECOVERED);
        // At risk and back within the week: it ends where it began, nothing to tell.
        assertThat(DigestRules.change(
                        List.of(
                                change(3, HealthState.AT_RISK, HealthState.ON_TRACK),
                                change(2, HealthState.ON_TRACK, HealthState.AT_RISK)),
                        SINCE))
                .isEmpty();
        // Before the window: told last week.
        assertThat(DigestRules.change(List.of(change(9, HealthState.AT_RISK, HealthState.ON_TRACK)), SINCE))
                .isEmpty();
        // Easing from at risk to watch is neither new nor recovered.
        assertThat(DigestRules.change(List.of(change(2, HealthState.WATCH, HealthState.AT_RISK)), SINCE))
                .isEmpty();
    }

    @Test
    void a_coordinator_is_due_on_the_day_in_their_own_zone_from_nine_unless_they_turned_it_off() {
        ZoneId tokyo = ZoneId.of("Asia/Tokyo");
        ZoneId lisbon = ZoneId.of("Europe/Lisbon");
        DigestFacts.Coordinator inLisbon =
                new DigestFacts.Coordinator(1, lisbon, QuietHours.ofNullable(null, null), null, false);
        DigestFacts.Coordinator inTokyo =
                new DigestFacts.Coordinator(2, tokyo, QuietHours.ofNullable(null, null), null, false);
        DigestFacts.Coordinator off =
                new DigestFacts.Coordinator(3, lisbon, QuietHours.ofNullable(null, null), null, true);
        DigestFacts monday = facts(DayOfWeek.MONDAY, NOW, List.of(inLisbon, inTokyo, off));
        assertThat(DigestRules.dueDay(monday, inLisbon)).contains(LocalDate.parse("2026-12-21"));
        assertThat(DigestRules.dueDay(monday, inTokyo))
                .as("19:00 on Monday in Tokyo")
                .isPresent();
        assertThat(DigestRules.dueDay(monday, off)).isEmpty();
        DigestFacts early = facts(DayOfWeek.MONDAY, Instant.parse("2026-12-21T08:59:00Z"), List.of(inLisbon));
        assertThat(DigestRules.dueDay(early, inLisbon)).as("08:59 in Lisbon").isEmpty();
        DigestFacts tuesdayInTokyo = facts(DayOfWeek.TUESDAY, Instant.parse("2026-12-22T00:30:00Z"), List.of(inTokyo));
        assertThat(DigestRules.dueDay(tuesdayInTokyo, inTokyo))
                .as("09:30 on Tuesday in Tokyo, Monday in UTC")
                .contains(LocalDate.parse("2026-12-22"));
        assertThat(DigestRules.since(monday, inLisbon)).isEqualTo(SINCE);
    }

    private static DigestFacts facts(DayOfWeek day, Instant now, List<DigestFacts.Coordinator> coordinators) {
        return new DigestFacts(1, "Residents", day, 3, 3, now, coordinators, List.of());
    }
}
