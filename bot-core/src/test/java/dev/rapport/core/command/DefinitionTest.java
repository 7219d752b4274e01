package dev.rapport.core.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.core.chat.Platform;
import org.junit.jupiter.api.Test;

class DefinitionTest {

    private static final Parameter PAIR = Parameter.required("pair", Parameter.Kind.PAIR);

    @Test
    void the_usage_is_derived_from_the_parameters() {
        Definition snooze = Definition.of("snooze", Audience.COORDINATOR)
                .withParameters(PAIR, Parameter.optional("days", Parameter.Kind.NUMBER));
        assertThat(snooze.usage()).isEqualTo("snooze <#pair | @person> [days]");

        Definition cadence = Definition.of("cadence", Audience.COORDINATOR)
                .withParameters(
                        Parameter.required("day", Parameter.Kind.WORD)
                                .withChoices("monday", "tuesday", "wednesday", "thursday")
                                .shownAs("DAY"),
                        Parameter.required("time", Parameter.Kind.TIME),
                        Parameter.optional("weeks", Parameter.Kind.NUMBER)
                                .writtenAs("every %s weeks")
                                .shownAs("N"));
        assertThat(cadence.usage()).isEqualTo("cadence DAY HH:MM [every N weeks]");

        Definition coordinator = Definition.of("coordinator", Audience.COORDINATOR)
                .withParameters(
                        Parameter.required("action", Parameter.Kind.WORD).withChoices("add", "remove"),
                        Parameter.required("user", Parameter.Kind.USER));
        assertThat(coordinator.usage()).isEqualTo("coordinator <add | remove> @user");

        Definition leave = Definition.of("leave", Audience.PARTICIPANT).withParameters(Parameter.confirm());
        assertThat(leave.usage()).isEqualTo("leave [confirm]");
    }

    @Test
    void coordinator_commands_are_grouped_for_platforms_that_nest_them() {
        Definition health = Definition.of("health", Audience.COORDINATOR);
        Definition me = Definition.of("me", Audience.PARTICIPANT);
        assertThat(health.group()).contains(Definition.COORDINATOR_GROUP);
        assertThat(me.group()).isEmpty();
        assertThat(Platform.DISCORD.nestsSubcommands()).isTrue();
        assertThat(Platform.SLACK.nestsSubcommands()).isFalse();
    }

    @Test
    void texts_are_catalogue_keys_named_after_the_command_unless_a_parameter_shares_one() {
        Definition snooze = Definition.of("snooze", Audience.COORDINATOR)
                .withParameters(
                        Parameter.required("pair", Parameter.Kind.PAIR).describedBy(Parameter.SHARED_PAIR),
                        Parameter.optional("days", Parameter.Kind.NUMBER));
        assertThat(snooze.summaryKey()).isEqualTo("command.snooze.summary");
        assertThat(snooze.parameters())
                .extracting(Parameter::descriptionKey)
                .containsExactly("command.option.pair", "command.snooze.option.days");
        assertThat(Parameter.optional("days", Parameter.Kind.NUMBER).descriptionKey())
                .as("a parameter is described once it is part of a definition")
                .isNull();
    }

    @Test
    void a_definition_refuses_what_no_platform_could_show() {
        assertThatThrownBy(() -> Definition.of("Health", Audience.COORDINATOR))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Definition.of("meeting", Audience.PARTICIPANT)
                        .withParameters(
                                Parameter.optional("note", Parameter.Kind.REST),
                                Parameter.optional("date", Parameter.Kind.DATE)))
                .as("only the last parameter may take the rest of the line")
                .isInstanceOf(IllegalArgumentException.class);
    }
}
