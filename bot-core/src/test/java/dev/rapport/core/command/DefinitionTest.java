package dev.rapport.core.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.core.chat.Platform;
import org.junit.jupiter.api.Test;

class DefinitionTest {

    private static final Parameter PAIR =
            Parameter.required("pair", Parameter.Kind.PAIR, "#id from /rapport health, or @mentor or @mentee");

    @Test
    void the_usage_is_derived_from_the_parameters() {
        Definition snooze = Definition.of("snooze", Audience.COORDINATOR, "Silence alerts")
                .withParameters(PAIR, Parameter.optional("days", Parameter.Kind.NUMBER, "For how many days"));
        assertThat(snooze.usage()).isEqualTo("snooze <#pair | @person> [days]");

        Definition cadence = Definition.of("cadence", Audience.COORDINATOR, "Set the check-in day")
                .withParameters(
                        Parameter.required("day", Parameter.Kind.WORD, "The day")
                                .withChoices("monday", "tuesday", "wednesday", "thursday")
                                .shownAs("DAY"),
                        Parameter.required("time", Parameter.Kind.TIME, "Local time"),
                        Parameter.optional("weeks", Parameter.Kind.NUMBER, "Every how many weeks")
                                .writtenAs("every %s weeks")
                                .shownAs("N"));
        assertThat(cadence.usage()).isEqualTo("cadence DAY HH:MM [every N weeks]");

        Definition coordinator = Definition.of("coordinator", Audience.COORDINATOR, "Add or remove")
                .withParameters(
                        Parameter.required("action", Parameter.Kind.WORD, "Add or remove")
                                .withChoices("add", "remove"),
                        Parameter.required("user", Parameter.Kind.USER, "The person"));
        assertThat(coordinator.usage()).isEqualTo("coordinator <add | remove> @user");

        Definition leave =
                Definition.of("leave", Audience.PARTICIPANT, "Leave").withParameters(Parameter.confirm("Type confirm"));
        assertThat(leave.usage()).isEqualTo("leave [confirm]");
    }

    @Test
    void coordinator_commands_are_grouped_for_platforms_that_nest_them() {
        Definition health = Definition.of("health", Audience.COORDINATOR, "Programme health");
        Definition me = Definition.of("me", Audience.PARTICIPANT, "About you");
        assertThat(health.group()).contains(Definition.COORDINATOR_GROUP);
        assertThat(me.group()).isEmpty();
        assertThat(Platform.DISCORD.nestsSubcommands()).isTrue();
        assertThat(Platform.SLACK.nestsSubcommands()).isFalse();
    }

    @Test
    void a_definition_refuses_what_no_platform_could_show() {
        assertThatThrownBy(() -> Definition.of("Health", Audience.COORDINATOR, "x"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Definition.of("health", Audience.COORDINATOR, "x".repeat(101)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Definition.of("meeting", Audience.PARTICIPANT, "Log")
                        .withParameters(
                                Parameter.optional("note", Parameter.Kind.REST, "A note"),
                                Parameter.optional("date", Parameter.Kind.DATE, "When")))
                .as("only the last parameter may take the rest of the line")
                .isInstanceOf(IllegalArgumentException.class);
    }
}
