package dev.rapport.core.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.core.chat.ChatUser;
import dev.rapport.core.programme.Setting;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A programme's settings, shown and changed by command, each checked against its range, on PostgreSQL. */
class SettingsIT extends CommandTestSupport {

    ChatUser cora;

    @BeforeEach
    void aProgramme() {
        cora = admin("Cora");
        say(cora, "setup \"Residents 2026\" Europe/Lisbon");
    }

    private Integer column(String column) {
        return jdbc.queryForObject("select " + column + " from programme", Integer.class);
    }

    @Test
    void settings_show_every_setting_with_its_value_range_and_how_to_change_it() {
        String shown = say(cora, "settings");
        assertThat(shown)
                .contains("Monday at 10:00")
                .contains("meeting-reminder | 3 weeks | 1–26 weeks")
                .contains("reminder-after | 48 hours | 12–168 hours")
                .contains("grace | 12 hours | 1–72 hours")
                .contains("ended-pair-retention | default (the operator's) | 30–3650 days")
                .contains("`/rapport set <setting> <value>`");
        for (Setting s : Setting.values()) {
            assertThat(shown).contains(s.key() + " | ");
        }
    }

    @Test
    void each_setting_changes_the_column_the_jobs_read() {
        assertThat(say(cora, "set meeting-reminder 4")).isEqualTo("meeting-reminder in Residents 2026 is now 4 weeks.");
        assertThat(say(cora, "set REMINDER-AFTER 72")).contains("is now 72 hours");
        assertThat(say(cora, "set grace 24")).contains("is now 24 hours");
        assertThat(say(cora, "set ended-pair-retention 365")).contains("is now 365 days");
        assertThat(column("meeting_reminder_weeks")).isEqualTo(4);
        assertThat(column("reminder_after_hours")).isEqualTo(72);
        assertThat(column("grace_hours")).isEqualTo(24);
        assertThat(column("ended_pair_retention_days")).isEqualTo(365);

        assertThat(say(cora, "set ended-pair-retention default")).contains("the operator's default");
        assertThat(column("ended_pair_retention_days")).isNull();
        assertThat(say(cora, "set grace default")).contains("is now 12 hours");
        assertThat(jdbc.queryForObject(
                        "select count(*) from audit_event where action = 'set' and kind = 'CHANGE'", Integer.class))
                .isEqualTo(6);
    }

    @Test
    void a_bad_value_is_explained_and_changes_nothing() {
        assertThat(say(cora, "set grace 0")).isEqualTo("grace can be 1–72 hours.");
        assertThat(say(cora, "set grace 73")).isEqualTo("grace can be 1–72 hours.");
        assertThat(say(cora, "set grace 12.5")).isEqualTo("Give grace as a whole number (1–72 hours), or `default`.");
        assertThat(say(cora, "set meeting-reminder three"))
                .isEqualTo("Give meeting-reminder as a whole number (1–26 weeks), or `default`.");
        assertThat(say(cora, "set ended-pair-retention 7")).isEqualTo("ended-pair-retention can be 30–3650 days.");
        assertThat(say(cora, "set drop 1.25"))
                .isEqualTo("Give drop as a number with at most one decimal (0.5–4.0 points), or `default`.");
        assertThat(say(cora, "set level-at-risk 3.5"))
                .isEqualTo("level-at-risk must stay below level-watch (3.0 of 5).");
        assertThat(say(cora, "set response-watch 40"))
                .isEqualTo("response-watch must stay above response-at-risk (50 %).");
        assertThat(say(cora, "set colour blue"))
                .startsWith("There is no setting called \"colour\".")
                .contains("meeting-reminder, reminder-after, grace, ended-pair-retention");
        assertThat(say(cora, "set grace")).startsWith("Usage: `/rapport set <setting> <value>`");
        assertThat(column("grace_hours")).isEqualTo(12);
        assertThat(column("meeting_reminder_weeks")).isEqualTo(3);
        assertThat(column("ended_pair_retention_days")).isNull();
        assertThat(jdbc.queryForObject("select level_at_risk from programme", Double.class))
                .isEqualTo(2.0);
        assertThat(column("response_watch_percent")).isEqualTo(75);
    }

    @Test
    void health_thresholds_take_one_decimal_where_they_are_levels_or_points() {
        assertThat(say(cora, "set level-watch 3,5")).isEqualTo("level-watch in Residents 2026 is now 3.5 of 5.");
        assertThat(say(cora, "set level-at-risk 2.5")).contains("is now 2.5 of 5");
        assertThat(say(cora, "set response-watch 90")).contains("is now 90 %");
        assertThat(say(cora, "set gap 1.5")).contains("is now 1.5 points");
        assertThat(say(cora, "settings"))
                .contains("level-watch | 3.5 of 5 | 1.0–5.0 of 5")
                .contains("response-at-risk | 50 % | 1–100 %")
                .contains("drop | 1.5 points | 0.5–4.0 points");
        assertThat(say(cora, "set level-watch default")).contains("is now 3.0 of 5");
    }
}
