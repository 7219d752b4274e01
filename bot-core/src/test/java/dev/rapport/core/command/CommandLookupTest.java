package dev.rapport.core.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.core.chat.Platform;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@link CommandService#find}: the one lookup of a subcommand by the words of a line. */
class CommandLookupTest {

    private static Subcommand command(Definition definition) {
        return new Subcommand(definition) {
            @Override
            public Reply run(CommandContext context) {
                return Reply.privately(definition.name());
            }
        };
    }

    private static final Subcommand HELP = command(Definition.of("help", Audience.EVERYONE));
    private static final Subcommand AT_RISK =
            command(Definition.of("at-risk", Audience.COORDINATOR).withAliases("atrisk", "risk"));
    private static final Subcommand MEETING = command(Definition.of("meeting", Audience.PARTICIPANT)
            .withParameters(Parameter.optional("note", Parameter.Kind.REST)));

    private static CommandService service(Subcommand... subcommands) {
        return new CommandService(List.of(subcommands), null, null, null, null, null, null, null);
    }

    private final CommandService commands = service(HELP, AT_RISK, MEETING);

    private Optional<String> named(String line) {
        return commands.find(line).map(found -> found.subcommand().name() + found.arguments());
    }

    @Test
    void by_name_or_alias_in_any_case_with_the_words_after_it() {
        assertThat(named("at-risk")).contains("at-risk[]");
        assertThat(named("RISK programme=Surgery")).contains("at-risk[programme=Surgery]");
        assertThat(named("Meeting <@U2|Ben Okafor> met at noon")).contains("meeting[<@U2|Ben Okafor>, met, at, noon]");
        assertThat(named("")).contains("help[]");
        assertThat(named("dance")).isEmpty();
    }

    @Test
    void the_group_word_is_optional_before_a_coordinator_command_only() {
        assertThat(named("programme at-risk")).contains("at-risk[]");
        assertThat(named("programme risk")).contains("at-risk[]");
        assertThat(named("programme meeting"))
                .as("a participant's command is not in the group")
                .isEmpty();
        assertThat(named("programme")).isEmpty();
    }

    @Test
    void the_invocation_shows_the_group_where_the_platform_nests_commands() {
        assertThat(CommandService.invocation(AT_RISK, Platform.DISCORD)).isEqualTo("/rapport programme at-risk");
        assertThat(CommandService.invocation(AT_RISK, Platform.SLACK)).isEqualTo("/rapport at-risk");
        assertThat(CommandService.invocation(MEETING, Platform.DISCORD)).isEqualTo("/rapport meeting [note]");
    }

    @Test
    void two_subcommands_may_not_answer_to_the_same_word() {
        Subcommand risky = command(Definition.of("risky", Audience.COORDINATOR).withAliases("risk"));
        assertThatThrownBy(() -> service(AT_RISK, risky)).isInstanceOf(IllegalStateException.class);
    }
}
