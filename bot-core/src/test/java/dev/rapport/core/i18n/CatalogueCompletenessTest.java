package dev.rapport.core.i18n;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.ibm.icu.text.MessageFormat;
import com.ibm.icu.util.ULocale;
import dev.rapport.core.pulse.QuestionBank;
import dev.rapport.core.pulse.QuestionBanks;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every shipped language is complete: its catalogue has every key of the English one and no other, each text uses the
 * same argument names and parses as an ICU message format; its question bank has every statement of the English bank,
 * with the same version. A language added to {@link Languages#SHIPPED} without its files fails here.
 */
class CatalogueCompletenessTest {

    private static final Catalogue CATALOGUE = Catalogue.standard();
    private static final String ENGLISH = Languages.ENGLISH.getLanguage();

    static Stream<String> translations() {
        return Languages.SHIPPED.stream().filter(l -> !l.equals(ENGLISH));
    }

    static Stream<String> shipped() {
        return Languages.SHIPPED.stream();
    }

    @Test
    void english_is_shipped_and_the_fallback() {
        assertThat(Languages.SHIPPED).contains(ENGLISH);
        assertThat(CATALOGUE.keys(ENGLISH)).isNotEmpty();
    }

    @ParameterizedTest
    @MethodSource("translations")
    void each_translation_has_every_english_key_and_no_other(String language) {
        Set<String> english = new TreeSet<>(CATALOGUE.keys(ENGLISH));
        Set<String> translated = new TreeSet<>(CATALOGUE.keys(language));
        assertThat(translated)
                .as("keys of messages_%s.properties", language)
                .containsAll(english)
                .containsExactlyInAnyOrderElementsOf(english);
    }

    @ParameterizedTest
    @MethodSource("translations")
    void each_text_uses_the_same_argument_names_as_english(String language) {
        for (String key : CATALOGUE.keys(ENGLISH)) {
            String translated = CATALOGUE.pattern(language, key);
            if (translated != null) {
                assertThat(Catalogue.argumentNames(translated))
                        .as("arguments of %s in %s", key, language)
                        .isEqualTo(Catalogue.argumentNames(CATALOGUE.pattern(ENGLISH, key)));
            }
        }
    }

    @ParameterizedTest
    @MethodSource("shipped")
    void every_text_parses_as_an_icu_message_format(String language) {
        for (String key : CATALOGUE.keys(language)) {
            String pattern = CATALOGUE.pattern(language, key);
            assertThatCode(() -> new MessageFormat(pattern, ULocale.forLanguageTag(language)))
                    .as("%s in %s", key, language)
                    .doesNotThrowAnyException();
        }
    }

    /** The current bank and every archived version: each is read again for the answers given from it. */
    static Stream<String> banks() {
        return Stream.concat(Stream.of(QuestionBank.DEFAULT_BUNDLE), QuestionBanks.ARCHIVED.stream())
                .map(b -> b.replace('.', '/'));
    }

    static Stream<Arguments> banksInTranslations() {
        return banks().flatMap(b -> translations().map(l -> Arguments.of(b, l)));
    }

    @ParameterizedTest
    @MethodSource("banksInTranslations")
    void each_question_bank_has_every_english_statement_and_the_same_version(String bank, String language) {
        Map<String, String> english = Catalogue.read(bank + ".properties");
        Map<String, String> translated = Catalogue.read(bank + "_" + language + ".properties");
        // Tags are the reference's alone: they say what a statement measures, which no translation may change.
        Set<String> statements = new TreeSet<>(english.keySet());
        statements.removeIf(k -> k.endsWith(QuestionBank.TAGS));
        assertThat(translated.keySet())
                .as("statements of %s_%s.properties", bank, language)
                .containsExactlyInAnyOrderElementsOf(statements);
        assertThat(translated.get("bank.version")).isEqualTo(english.get("bank.version"));
        translated.forEach((key, text) -> assertThat(text).as(key).isNotBlank());
    }

    @ParameterizedTest
    @MethodSource("banks")
    void every_statement_of_every_bank_version_is_tagged_and_the_versions_differ(String bank) {
        Map<String, String> english = Catalogue.read(bank + ".properties");
        english.keySet().stream()
                .filter(k -> k.matches("[a-z]+\\.\\d+\\.(mentee|mentor)"))
                .forEach(
                        k -> assertThat(english).as("tags of %s in %s", k, bank).containsKey(k + QuestionBank.TAGS));
        assertThat(QuestionBanks.load().all()).extracting(QuestionBank::version).doesNotHaveDuplicates();
    }
}
