package dev.rapport.core.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import org.junit.jupiter.api.Test;

class MentionsTest {

    @Test
    void a_person_is_read_in_every_form_both_platforms_write() {
        assertThat(person("<@U02ABCDEF>")).containsExactly("U02ABCDEF", null);
        assertThat(person("<@U02ABCDEF|ana>")).containsExactly("U02ABCDEF", "ana");
        assertThat(person("<@123456789012345678>")).containsExactly("123456789012345678", null);
        assertThat(person("<@!123456789012345678>")).containsExactly("123456789012345678", null);
        assertThat(person("<@123|Ana Sousa>")).containsExactly("123", "Ana Sousa");
        assertThat(Mentions.PERSON.matcher("<@&123>").matches())
                .as("a role is not a person")
                .isFalse();
    }

    @Test
    void a_role_is_read_by_its_id_and_both_are_written_as_read() {
        Matcher role = Mentions.ROLE.matcher(Mentions.role("42"));
        assertThat(role.matches()).isTrue();
        assertThat(role.group(1)).isEqualTo("42");
        assertThat(person(Mentions.person("U1", "Ana"))).containsExactly("U1", "Ana");
        assertThat(person(Mentions.person("U1"))).containsExactly("U1", null);
    }

    private static String[] person(String text) {
        Matcher m = Mentions.PERSON.matcher(text);
        assertThat(m.matches()).as(text).isTrue();
        return new String[] {m.group(1), m.group(2)};
    }
}
