package dev.rapport.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DiscordSandboxTest {

    @Test
    void a_subtext_line_shows_small_without_its_marker_as_discord_shows_it() {
        assertThat(DiscordSandbox.texts("**1.** I felt respected\n-# 1 = strongly disagree · 5 = strongly agree\nNext"))
                .containsExactly(
                        new Screen.Text("**1.** I felt respected", false),
                        new Screen.Text("1 = strongly disagree · 5 = strongly agree", true),
                        new Screen.Text("Next", false));
        assertThat(DiscordSandbox.texts("plain\ntwo lines"))
                .containsExactly(new Screen.Text("plain\ntwo lines", false));
        assertThat(DiscordSandbox.texts("-# only \\*small\\*")).containsExactly(new Screen.Text("only *small*", true));
    }

    @Test
    void escaped_markdown_shows_as_the_character_as_discord_shows_it() {
        assertThat(DiscordSandbox.unescape("run \\`/rapport help\\` \\*now\\*")).isEqualTo("run `/rapport help` *now*");
        assertThat(DiscordSandbox.unescape("plain text")).isEqualTo("plain text");
    }
}
