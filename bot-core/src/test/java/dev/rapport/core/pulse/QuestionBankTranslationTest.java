package dev.rapport.core.pulse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.core.pair.Role;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** A translation of the bank has exactly the original's ids and version, and translates every statement. */
class QuestionBankTranslationTest {

    static final String[] TRANSLATIONS = {"fr", "es"};

    static final String[] BANKS = {"pulse/question-bank", "pulse/question-bank-2026-1"};

    @Test
    void every_translation_has_the_same_ids_and_version_as_the_original_and_translates_each_statement()
            throws IOException {
        for (String bank : BANKS) {
            translated(bank);
        }
    }

    private static void translated(String bank) throws IOException {
        Properties original = read(bank + ".properties");
        original.stringPropertyNames().stream()
                .filter(k -> k.endsWith(QuestionBank.TAGS))
                .forEach(original::remove);
        for (String language : TRANSLATIONS) {
            Properties translated = read(bank + "_" + language + ".properties");
            assertThat(translated.stringPropertyNames()).as(language).isEqualTo(original.stringPropertyNames());
            assertThat(translated.getProperty("bank.version"))
                    .as(language)
                    .isEqualTo(original.getProperty("bank.version"));
            for (String key : original.stringPropertyNames()) {
                if (!key.equals("bank.version")) {
                    assertThat(translated.getProperty(key))
                            .as(language + " " + key)
                            .isNotBlank()
                            .isNotEqualTo(original.getProperty(key));
                }
            }
        }
    }

    @Test
    void a_bank_loads_in_french_with_the_same_question_ids() {
        QuestionBank english = QuestionBank.load();
        QuestionBank french = QuestionBank.load(QuestionBank.DEFAULT_BUNDLE, Locale.FRENCH);
        assertThat(french.version()).isEqualTo(english.version());
        assertThat(french.size()).isEqualTo(english.size());
        assertThat(french.get("empathy.1.mentee").text())
                .isEqualTo("Depuis notre dernier point, mon mentor m'a écouté(e) sans me juger.");
        assertThat(french.statements(Role.MENTOR, Dimension.EFFORT))
                .extracting(Question::id)
                .isEqualTo(english.statements(Role.MENTOR, Dimension.EFFORT).stream()
                        .map(Question::id)
                        .toList());
    }

    private static Properties read(String resource) throws IOException {
        Properties p = new Properties();
        try (InputStream in = QuestionBankTranslationTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }
}
