package dev.rapport.core.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.core.chat.ChatMessage;
import dev.rapport.core.chat.ChatUser;
import dev.rapport.core.health.HealthService;
import dev.rapport.core.health.HealthState;
import dev.rapport.core.insight.Overview;
import dev.rapport.core.insight.Overview.Side;
import dev.rapport.core.insight.OverviewReader;
import dev.rapport.core.pair.PairView;
import dev.rapport.core.programme.ProgrammeView;
import dev.rapport.core.pulse.Dimension;
import dev.rapport.core.test.AnsweredWeeks;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * {@code /rapport overview} on PostgreSQL: levels per side and dimension, the gap, states week by week from the health
 * history, response rates by side, this week's changes, and the charts; the asking coordinator's own pair left out.
 */
class OverviewIT extends CommandTestSupport {

    static final ZoneId LISBON = ZoneId.of("Europe/Lisbon");
    /** A Monday. */
    static final LocalDate START = LocalDate.parse("2026-11-02");

    @Autowired
    OverviewReader reader;

    @Autowired
    HealthService health;

    ChatUser cora;
    ProgrammeView programme;
    PairView steady;
    PairView sliding;

    @BeforeEach
    void twoPairs() {
        cora = admin("Cora");
        programme = programme("Residents", cora, LISBON);
        steady = pair(programme, user("Lee"), user("Ana"), LISBON, START);
        sliding = pair(programme, user("Bo"), user("Eve"), LISBON, START);
    }

    /** Week {@code n} (1 = START): both sides of {@code p} are asked; the mentee answers {@code mentee}, the mentor {@code mentor} (null: no answer). */
    void week(PairView p, int n, Integer mentee, Integer mentor) {
        new AnsweredWeeks(jdbc, START).week(p.id(), n, mentee, mentor);
    }

    void refreshOn(int week) {
        clock.set(new AnsweredWeeks(jdbc, START).midweek(week));
        health.refresh();
    }

    @Test
    void levels_gap_rates_states_and_changes_of_the_whole_programme() {
        // The health runs read what is stored, so each week is stored before the run that follows it.
        for (int n = 1; n <= 4; n++) {
            week(steady, n, 5, 4);
            week(sliding, n, n <= 2 ? 5 : 1, n <= 2 ? 4 : null);
            if (n % 2 == 0) {
                refreshOn(n);
            }
        }

        Overview o = reader.read(programme.id(), LISBON, 4, List.of());

        assertThat(o.weeks()).containsExactly(START, START.plusWeeks(1), START.plusWeeks(2), START.plusWeeks(3));
        // Weekly means of mentees' respect: 5, 5, (5+1)/2, (5+1)/2 → their mean 4.
        assertThat(o.level(Side.MENTEE, Dimension.RESPECT)).isEqualTo(4.0);
        // Mentors: 4 every week they answered.
        assertThat(o.level(Side.MENTOR, Dimension.RESPECT)).isEqualTo(4.0);
        assertThat(o.gap(Dimension.RESPECT)).isEqualTo(0.0);
        assertThat(o.level(Side.MENTEE, Dimension.HUMILITY)).isNull();
        assertThat(o.answered().get(Side.MENTEE)).isEqualTo(new Overview.Rate(8, 8));
        assertThat(o.answered().get(Side.MENTOR)).isEqualTo(new Overview.Rate(6, 8));
        assertThat(o.states().get(START))
                .as("no health run yet in the first week")
                .isEmpty();
        assertThat(o.states().get(START.plusWeeks(3)).get(HealthState.AT_RISK)).isEqualTo(1);
        assertThat(o.states().get(START.plusWeeks(3)).get(HealthState.ON_TRACK)).isEqualTo(1);
        assertThat(o.changes()).singleElement().satisfies(c -> {
            assertThat(c.pairId()).isEqualTo(sliding.id());
            assertThat(c.state()).isEqualTo(HealthState.AT_RISK);
        });
    }

    @Test
    void the_command_says_it_in_words_and_charts_and_leaves_out_the_coordinators_own_pair() {
        for (int n = 1; n <= 3; n++) {
            week(steady, n, 5, 4);
            week(sliding, n, 2, 2);
        }
        refreshOn(3);
        String text = say(cora, "overview 3");
        assertThat(text)
                .contains("*Residents* – the last 3 weeks")
                .contains("mentees 6 of 6 (100%), mentors 6 of 6 (100%)")
                .contains("Respect | 3.5 | 3.0 | +0.5");
        ChatMessage reply = commands.handle(new dev.rapport.core.command.CommandRequest(cora, "overview 3"))
                .message();
        assertThat(reply.blocks().stream().filter(b -> b instanceof ChatMessage.Block.Image))
                .as("mentees, mentors, the gap and the states")
                .hasSize(4);
        assertThat(say(cora, "overview 1")).startsWith("Give the number of weeks as a whole number from 2 to 26");

        // Cora mentors a pair of her own: it is left out of everything she sees.
        PairView hers = pair(programme, cora, user("Zoe"), LISBON, START);
        week(hers, 3, 1, 1);
        assertThat(say(cora, "overview 3"))
                .contains("leaving out the pair you are in yourself")
                .contains("mentees 6 of 6 (100%)");
    }
}
