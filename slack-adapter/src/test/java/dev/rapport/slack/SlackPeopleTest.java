package dev.rapport.slack;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SlackPeopleTest {

    @Test
    void typed_text_never_becomes_a_mention_but_other_escapes_are_undone() {
        // What Slack sends when someone types <@U0BOSS|The Dean> rather than choosing a person: escaped.
        assertThat(SlackPeople.unescape("&lt;@U0BOSS|The Dean&gt;")).isEqualTo("&lt;@U0BOSS|The Dean>");
        assertThat(SlackPeople.unescape("&lt;!channel&gt; &lt;#C1&gt;")).isEqualTo("&lt;!channel> &lt;#C1>");
        assertThat(SlackPeople.unescape("a &lt; b &amp;&amp; c &gt; d")).isEqualTo("a < b && c > d");
        assertThat(SlackPeople.unescape("&amp;lt;@U1&amp;gt;")).isEqualTo("&lt;@U1&gt;");
    }
}
