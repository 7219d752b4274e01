package dev.rapport.core.i18n;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.core.calendar.Cadence;
import dev.rapport.core.pair.Role;
import dev.rapport.core.participant.Zones;
import dev.rapport.core.programme.Setting;
import dev.rapport.core.pulse.Dimension;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** A refusal keeps its English message and renders in the reader's language; so do core's describing methods. */
class TextExceptionTest {

    private static final Locale FR = Locale.FRENCH;
    private static final Locale ES = Locale.forLanguageTag("es");

    @Test
    void aRefusalIsEnglishAsAMessageAndTheReadersLanguageAsAText() {
        TextException e = TextException.of("pause.error.past", "date", "2026-01-02");
        assertThat(e)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The pause must end today or later; 2026-01-02 has passed.");
        assertThat(e.text()).isEqualTo(Text.of("pause.error.past", "date", "2026-01-02"));
        assertThat(e.text(FR))
                .isEqualTo("La pause doit se terminer aujourd’hui ou plus tard ; le 2026-01-02 est passé.");
        assertThat(e.text(ES)).isEqualTo("La pausa debe terminar hoy o más tarde; el 2026-01-02 ya ha pasado.");
    }

    @Test
    void aSettingRefusesInTheReadersLanguage() {
        assertThatThrownBy(() -> Setting.LEVEL_WATCH.parse("2.55")).isInstanceOfSatisfying(TextException.class, e -> {
            assertThat(e)
                    .hasMessage("Give level-watch as a number with at most one decimal (1.0–5.0 of 5), or `default`.");
            assertThat(e.text(FR))
                    .isEqualTo("Indiquez level-watch sous la forme d’un nombre avec au plus une"
                            + " décimale (1.0–5.0 sur 5), ou `default`.");
        });
        assertThatThrownBy(() -> Setting.GRACE.parse("100"))
                .isInstanceOfSatisfying(
                        TextException.class, e -> assertThat(e.text(ES)).isEqualTo("grace puede valer 1–72 horas."));
        assertThat(Setting.MEETING_REMINDER.summary(ES))
                .isEqualTo("Semanas sin reunión antes de recordárselo al mentor");
        assertThat(Setting.ENDED_PAIR_RETENTION.format(null, FR)).isEqualTo("par défaut (celui de l’opérateur)");
        assertThat(Setting.RESPONSE_WATCH.format(75.0)).isEqualTo("75 %");
    }

    @Test
    void cadenceZonesAndDimensionsDescribeThemselvesInTheReadersLanguage() {
        Cadence fortnightly = new Cadence(DayOfWeek.WEDNESDAY, LocalTime.of(9, 30), 2);
        assertThat(fortnightly.describe()).isEqualTo("every 2 weeks on Wednesday at 09:30");
        assertThat(Cadence.WEEKLY_MONDAY_10.describe()).isEqualTo("every Monday at 10:00");
        assertThat(fortnightly.describe(FR)).isEqualTo("toutes les 2 semaines, le mercredi à 09:30");
        assertThat(Cadence.WEEKLY_MONDAY_10.describe(ES)).isEqualTo("cada lunes a las 10:00");
        assertThat(Zones.unknown("Mars/Olympus", FR))
                .startsWith("Je ne connais pas le fuseau horaire « Mars/Olympus »");
        assertThat(Dimension.EMPATHY.label()).isEqualTo("Empathy");
        assertThat(Dimension.EMPATHY.label(ES)).isEqualTo("Empatía");
    }

    @Test
    void languagesCadencesAndRolesRefuseAndNameInTheReadersLanguage() {
        assertThat(Languages.unknown("klingon"))
                .hasMessage(
                        "Rapport speaks " + String.join(", ", Languages.codes()) + "; \"klingon\" is none of them.");
        assertThatThrownBy(() -> new Cadence(DayOfWeek.MONDAY, LocalTime.NOON, 9))
                .isInstanceOfSatisfying(TextException.class, e -> {
                    assertThat(e).hasMessage("A cadence repeats every 1 to 8 weeks, not 9");
                    assertThat(e.text(ES)).isEqualTo("Un ritmo se repite cada 1 a 8 semanas, no cada 9");
                });
        assertThat(Role.MENTEE.label()).isEqualTo("mentee");
        assertThat(Role.MENTEE.label(FR)).isEqualTo("mentoré");
    }
}
