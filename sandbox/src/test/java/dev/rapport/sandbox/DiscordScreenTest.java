package dev.rapport.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DiscordScreenTest {

    @Test
    void a_subtext_line_shows_small_without_its_marker_as_discord_shows_it() {
        assertThat(DiscordScreen.texts("**1.** I felt respected\n-# 1 = strongly disagree · 5 = strongly agree\nNext"))
                .containsExactly(
                        new Screen.Text("**1.** I felt respected", false),
                        new Screen.Text("1 = strongly disagree · 5 = strongly agree", true),
                        new Screen.Text("Next", false));
        assertThat(DiscordScreen.texts("plain\ntwo lines")).containsExactly(new Screen.Text("plain\ntwo lines", false));
        assertThat(DiscordScreen.texts("-# only \\*small\\*")).containsExactly(new Screen.Text("only *small*", true));
    }

    @Test
    void escaped_markdown_shows_as_the_character_as_discord_shows_it() {
        assertThat(DiscordScreen.unescape("run \\`/rapport help\\` \\*now\\*")).isEqualTo("run `/rapport help` *now*");
        assertThat(DiscordScreen.unescape("plain text")).isEqualTo("plain text");
    }

    @Test
    void a_select_menu_shows_as_a_menu_named_by_its_placeholder_and_buttons_as_a_row() {
        String json =
                "[{\"type\":1,\"components\":[{\"type\":2,\"style\":1,\"label\":\"Yes\",\"custom_id\":\"m:yes\"}]},"
                        + "{\"type\":1,\"components\":[{\"type\":3,\"custom_id\":\"rapport:scale:1\","
                        + "\"placeholder\":\"Since our last check-in, my mentor listened.\",\"options\":["
                        + "{\"label\":\"1 – Strongly disagree\",\"value\":\"r:1\"},{\"label\":\"N/A – Does not apply\",\"value\":\"r:na\"}]}]}]";

        assertThat(DiscordScreen.components(json))
                .containsExactly(
                        new Screen.Buttons(List.of(new Screen.Button("Yes", "m:yes", true))),
                        new Screen.Select(
                                "rapport:scale:1",
                                "Since our last check-in, my mentor listened.",
                                List.of(
                                        new Screen.Option("1 – Strongly disagree", "r:1"),
                                        new Screen.Option("N/A – Does not apply", "r:na"))));
    }
}
