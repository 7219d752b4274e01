package dev.rapport.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DiscordSandboxTest {

    @Test
    void escaped_markdown_shows_as_the_character_as_discord_shows_it() {
        assertThat(DiscordSandbox.unescape("run \\`/rapport help\\` \\*now\\*")).isEqualTo("run `/rapport help` *now*");
        assertThat(DiscordSandbox.unescape("plain text")).isEqualTo("plain text");
    }
}
