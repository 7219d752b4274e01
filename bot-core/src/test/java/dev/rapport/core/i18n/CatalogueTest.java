package dev.rapport.core.i18n;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class CatalogueTest {

    private static final Catalogue CATALOGUE = Catalogue.standard();
    private static final Locale FR = Locale.of("fr");
    private static final Locale ES = Locale.of("es");

    @Test
    void plurals_follow_the_language() {
        assertThat(CATALOGUE.text(Languages.ENGLISH, "meeting.reminder.body", "mentee", "Ana", "weeks", 1))
                .startsWith("No meeting with Ana has been logged for 1 week.");
        assertThat(CATALOGUE.text(Languages.ENGLISH, "meeting.reminder.body", "mentee", "Ana", "weeks", 3))
                .startsWith("No meeting with Ana has been logged for 3 weeks.");
        assertThat(CATALOGUE.text(FR, "meeting.reminder.body", "mentee", "Ana", "weeks", 1))
                .startsWith("Aucune rencontre avec Ana n’a été notée depuis 1 semaine.");
        assertThat(CATALOGUE.text(ES, "meeting.reminder.body", "mentee", "Ana", "weeks", 4))
                .startsWith("No se ha registrado ninguna reunión con Ana desde hace 4 semanas.");
        assertThat(CATALOGUE.text(Languages.ENGLISH, "health.reason.too-early", "sent", 0, "needed", 2))
                .startsWith("No check-in has been sent");
        assertThat(CATALOGUE.text(Languages.ENGLISH, "health.reason.too-early", "sent", 1, "needed", 2))
                .startsWith("Only 1 check-in has been sent");
    }

    @Test
    void dates_and_numbers_are_formatted_for_the_language() {
        LocalDate until = LocalDate.of(2026, 12, 31);
        Object[] args = {"name", "Ana", "programme", "Residents", "until", until};
        assertThat(CATALOGUE.text(Languages.ENGLISH, "notice.paused.partner", args))
                .contains("until 2026-12-31.");
        assertThat(CATALOGUE.text(FR, "notice.paused.partner", args)).contains("jusqu’au 31 décembre 2026.");
        assertThat(CATALOGUE.text(ES, "notice.paused.partner", args)).contains("hasta el 31 de diciembre de 2026.");
        Text dimension = Text.of("pulse.dimension.empathy");
        assertThat(CATALOGUE.text(Languages.ENGLISH, "health.reason.low-score", "dimension", dimension, "level", 2.25))
                .isEqualTo("Empathy: the mentee's recent scores average 2.3 out of 5.");
        assertThat(CATALOGUE.text(FR, "health.reason.low-score", "dimension", dimension, "level", 2.5))
                .isEqualTo("Empathie : les scores récents du mentoré sont en moyenne de 2,5 sur 5.");
    }

    @Test
    void a_language_rapport_does_not_ship_reads_english() {
        assertThat(CATALOGUE.text(Locale.GERMAN, "checkin.met.yes")).isEqualTo("Yes");
        assertThat(CATALOGUE.text(Locale.forLanguageTag("es-419"), "checkin.met.yes"))
                .isEqualTo("Sí");
        assertThat(CATALOGUE.text(null, "checkin.met.no")).isEqualTo("No");
    }

    @Test
    void an_unknown_key_is_a_programming_error() {
        assertThatIllegalArgumentException().isThrownBy(() -> CATALOGUE.text(FR, "no.such.key"));
    }

    @Test
    void a_stored_text_is_rendered_in_the_language_of_whoever_reads_it() {
        Text alert = Text.of(
                "health.alert",
                "programme",
                "Residents \"2026\"",
                "mentor",
                "Lee",
                "mentee",
                "Ana",
                "reasons",
                List.of(Text.of(
                        "health.alert.reason",
                        "reason",
                        Text.of("health.reason.no-meeting", "weeks", 6L, "threshold", 3))),
                "pair",
                "7");
        String payload = alert.encode();
        assertThat(Text.decode(payload)).contains(alert);
        assertThat(CATALOGUE.render(Languages.ENGLISH, payload))
                .isEqualTo("Pair at risk in Residents \"2026\": Lee (mentor) and Ana (mentee).\n"
                        + "• No meeting logged for 6 weeks (reminder threshold 3).\n"
                        + "To silence alerts about this pair for two weeks: `/rapport snooze 7 14`");
        assertThat(CATALOGUE.render(ES, payload))
                .startsWith("Pareja en riesgo en Residents \"2026\"")
                .contains("• No se ha registrado ninguna reunión desde hace 6 semanas");
        assertThat(CATALOGUE.render(FR, "Plain text written before catalogues"))
                .isEqualTo("Plain text written before catalogues");
    }

    @Test
    void a_key_defined_in_two_files_is_refused_when_the_catalogue_is_read() {
        assertThatThrownBy(() -> Catalogue.load(List.of("i18n-test/first", "i18n-test/second"), List.of("en")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("shared.key");
        assertThat(Catalogue.load(List.of("i18n-test/second"), List.of("en")).text(Locale.ENGLISH, "other.key"))
                .isEqualTo("Three");
    }
}
