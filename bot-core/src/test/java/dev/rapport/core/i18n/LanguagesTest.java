package dev.rapport.core.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class LanguagesTest {

    private static final Locale FR = Locale.of("fr");
    private static final Locale ES = Locale.of("es");

    @Test
    void a_choice_wins_over_the_platform_and_the_programme() {
        assertThat(Languages.resolve("es", "fr-FR", "fr")).isEqualTo(ES);
    }

    @Test
    void without_a_choice_a_shipped_platform_locale_decides() {
        assertThat(Languages.resolve(null, "fr-FR", "es")).isEqualTo(FR);
        assertThat(Languages.resolve(null, "es-419", "en")).isEqualTo(ES);
        assertThat(Languages.resolve("", "es_MX", null)).isEqualTo(ES);
    }

    @Test
    void a_platform_locale_rapport_does_not_ship_falls_to_the_programme_default_then_english() {
        assertThat(Languages.resolve(null, "de-DE", "fr")).isEqualTo(FR);
        assertThat(Languages.resolve(null, "pt-BR", null)).isEqualTo(Languages.ENGLISH);
        assertThat(Languages.resolve(null, "en-GB", "fr")).isEqualTo(Languages.ENGLISH);
    }

    @Test
    void nothing_known_is_english() {
        assertThat(Languages.resolve(null, null, null)).isEqualTo(Languages.ENGLISH);
        assertThat(Languages.resolve("xx", "not a tag!", "de")).isEqualTo(Languages.ENGLISH);
    }

    @Test
    void match_names_shipped_languages_only() {
        assertThat(Languages.match("FR")).contains(FR);
        assertThat(Languages.match("fr-CA")).contains(FR);
        assertThat(Languages.match("de")).isEmpty();
        assertThat(Languages.match(" ")).isEmpty();
        assertThat(Languages.codes()).containsExactly("en", "fr", "es");
    }
}
