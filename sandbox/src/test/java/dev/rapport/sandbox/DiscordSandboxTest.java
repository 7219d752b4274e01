package dev.rapport.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DiscordSandboxTest {

    @Test
    void a_typed_line_keeps_quoted_phrases_and_mentions_whole() {
        assertThat(DiscordSandbox.words("setup \"Research Mentoring\" Europe/London"))
                .containsExactly("setup", "Research Mentoring", "Europe/London");
        assertThat(DiscordSandbox.words("add-pair <@1300000000000000202> @mia 2026-12-01"))
                .containsExactly("add-pair", "<@1300000000000000202>", "@mia", "2026-12-01");
        assertThat(DiscordSandbox.words("  ")).isEmpty();
    }

    @Test
    void escaped_markdown_shows_as_the_character_as_discord_shows_it() {
        assertThat(DiscordSandbox.unescape("run \\`/rapport help\\` \\*now\\*")).isEqualTo("run `/rapport help` *now*");
        assertThat(DiscordSandbox.unescape("plain text")).isEqualTo("plain text");
    }
}
