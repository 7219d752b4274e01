package dev.rapport.core.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.core.i18n.Catalogue;
import dev.rapport.core.i18n.Languages;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Every registered subcommand's summary and every description of its parameters (the coordinators' {@code programme}
 * option too) is a catalogue text of 1 to 100 characters in every shipped language: Discord refuses the whole command
 * list when one is longer, and shows the language of the person's client.
 */
class SubcommandTextsIT extends CommandTestSupport {

    private static final int DISCORD_LIMIT = 100;

    @Test
    void every_summary_and_description_fits_discord_in_every_shipped_language() {
        Catalogue catalogue = Catalogue.standard();
        List<String> checked = new ArrayList<>();
        for (Subcommand s : commands.subcommands()) {
            List<String> keys = new ArrayList<>();
            keys.add(s.summaryKey());
            commands.parameters(s).forEach(p -> keys.add(p.descriptionKey()));
            for (String key : keys) {
                assertThat(key).as("%s has a text for every parameter", s).isNotNull();
                for (String language : Languages.SHIPPED) {
                    String text = catalogue.text(Locale.of(language), key);
                    assertThat(text.length())
                            .as("%s in %s: %s", key, language, text)
                            .isBetween(1, DISCORD_LIMIT);
                    checked.add(language + ":" + key);
                }
            }
        }
        assertThat(commands.subcommands()).hasSizeGreaterThan(25);
        assertThat(checked).contains("fr:command.option.pair", "es:command.option.programme");
        assertThat(checked).hasSizeGreaterThan(commands.subcommands().size() * Languages.SHIPPED.size());
    }

    @Test
    void every_usage_line_has_its_placeholders_in_every_shipped_language() {
        Subcommand snooze = commands.find("snooze").orElseThrow().subcommand();
        assertThat(snooze.usage(Locale.of("fr"))).isEqualTo("snooze <#binôme | @personne> [days]");
        assertThat(snooze.usage(Locale.of("es"))).isEqualTo("snooze <#pareja | @persona> [days]");
        assertThat(snooze.usage()).isEqualTo("snooze <#pair | @person> [days]");
        for (Subcommand s : commands.subcommands()) {
            for (String language : Languages.SHIPPED) {
                assertThat(s.usage(Locale.of(language)))
                        .as("%s in %s", s, language)
                        .startsWith(s.name())
                        .doesNotContain("command.hint.");
            }
        }
    }
}
