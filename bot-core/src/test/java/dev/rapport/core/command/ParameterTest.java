package dev.rapport.core.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ParameterTest {

    @Test
    void a_phrase_is_quoted_so_the_command_line_keeps_it_whole() {
        Parameter name = Parameter.required("name", Parameter.Kind.TEXT);
        assertThat(name.asText("Residents 2026")).isEqualTo("\"Residents 2026\"");
        assertThat(name.asText("Say \"hi\" now")).isEqualTo("\"Say hi now\"");
        assertThat(Tokens.split("setup " + name.asText("Residents 2026"))).containsExactly("setup", "Residents 2026");
    }

    @Test
    void a_format_writes_the_value_into_its_words_and_a_file_is_not_written_at_all() {
        assertThat(Parameter.optional("weeks", Parameter.Kind.NUMBER)
                        .writtenAs("every %s weeks")
                        .asText("2"))
                .isEqualTo("every 2 weeks");
        assertThat(Parameter.required("file", Parameter.Kind.FILE).asText("pairs.csv"))
                .isEmpty();
        assertThat(Parameter.required("note", Parameter.Kind.REST).asText(" met at the café "))
                .isEqualTo("met at the café");
    }

    @Test
    void names_fit_what_discord_accepts_and_a_description_is_a_catalogue_key() {
        assertThatThrownBy(() -> Parameter.required("Two Words", Parameter.Kind.WORD))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Parameter.required("ok", Parameter.Kind.WORD).describedBy("The person"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
