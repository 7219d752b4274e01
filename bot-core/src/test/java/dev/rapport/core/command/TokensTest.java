package dev.rapport.core.command;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TokensTest {

    @Test
    void words_are_split_on_any_whitespace() {
        assertThat(Tokens.split("  pause\t2026-12-31 \n")).containsExactly("pause", "2026-12-31");
        assertThat(Tokens.split("")).isEmpty();
        assertThat(Tokens.split("   ")).isEmpty();
        assertThat(Tokens.split(null)).isEmpty();
    }

    @Test
    void a_quoted_phrase_is_one_word_without_its_quotes_straight_or_curly() {
        assertThat(Tokens.split("setup \"Research Mentoring\" Europe/London"))
                .containsExactly("setup", "Research Mentoring", "Europe/London");
        assertThat(Tokens.split("setup \u201cSurgery 2026\u201d")).containsExactly("setup", "Surgery 2026");
        assertThat(Tokens.split("health programme=\"Year 2\"")).containsExactly("health", "programme=Year 2");
    }

    @Test
    void a_mention_stays_whole_even_when_the_name_in_it_has_spaces_or_quotes() {
        assertThat(Tokens.split("add-pair <@U1|Ana Lima> <@U2|Ben \"B\" Okafor> 2026-12-01"))
                .containsExactly("add-pair", "<@U1|Ana Lima>", "<@U2|Ben \"B\" Okafor>", "2026-12-01");
        assertThat(Tokens.split("meeting <@!1300000000000000202> met at noon"))
                .containsExactly("meeting", "<@!1300000000000000202>", "met", "at", "noon");
    }

    @Test
    void an_unclosed_quote_takes_the_rest_of_the_line() {
        assertThat(Tokens.split("setup \"Open ended programme")).containsExactly("setup", "Open ended programme");
    }

    @Test
    void a_mention_gives_the_id_and_the_name_the_platform_sent() {
        assertThat(Tokens.mention("<@U1|Ana Lima>")).contains(new Tokens.Mention("U1", "Ana Lima"));
        assertThat(Tokens.mention("<@!1300000000000000202>")).contains(new Tokens.Mention("1300000000000000202", null));
        assertThat(Tokens.mention("@ana")).isEmpty();
        assertThat(Tokens.mention("<@&900>")).as("a role is not a person").isEmpty();
    }
}
