package dev.rapport.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SlackLimitsTest {

    @Test
    void escaping_turns_only_ampersands_and_angle_brackets_into_entities() {
        assertThat(SlackLimits.escape("*Hi* <@U1> & <!here> _x_"))
                .isEqualTo("*Hi* &lt;@U1&gt; &amp; &lt;!here&gt; _x_");
    }

    @Test
    void shortening_escaped_text_never_cuts_an_entity() {
        String shortened = SlackLimits.escapeWithin("ab<<<<", 7);

        assertThat(shortened).isEqualTo("ab&lt;…").hasSizeLessThanOrEqualTo(7);
    }

    @Test
    void shortening_never_cuts_a_surrogate_pair() {
        assertThat(SlackLimits.truncate("ab😀cd", 4)).isEqualTo("ab…");
        assertThat(SlackLimits.escapeWithin("ab😀cd", 4)).isEqualTo("ab…");
    }

    @Test
    void text_that_fits_is_left_alone() {
        assertThat(SlackLimits.truncate("short", 5)).isEqualTo("short");
        assertThat(SlackLimits.escapeWithin("a&b", 7)).isEqualTo("a&amp;b");
    }

    @Test
    void long_lines_are_split_outside_entities_and_the_pieces_rejoin_to_the_whole() {
        String text = "x".repeat(8) + "&".repeat(10);

        List<String> pieces = SlackLimits.escapeInPieces(text, 12, 10);

        assertThat(pieces)
                .allSatisfy(p -> assertThat(p).hasSizeLessThanOrEqualTo(12).doesNotEndWith("&"));
        assertThat(String.join("", pieces)).isEqualTo(SlackLimits.escape(text));
    }

    @Test
    void text_needing_more_pieces_than_allowed_ends_with_an_ellipsis() {
        List<String> pieces = SlackLimits.escapeInPieces("one\ntwo\nthree\nfour", 9, 2);

        assertThat(pieces).containsExactly("one\ntwo", "three…");
    }
}
