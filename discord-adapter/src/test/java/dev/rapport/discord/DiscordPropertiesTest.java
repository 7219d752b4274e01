package dev.rapport.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class DiscordPropertiesTest {

    private static DiscordProperties token(String token) {
        return DiscordProperties.of(token, null);
    }

    @Test
    void defaults_are_global_commands_the_default_role_48_requests_a_second_and_ten_second_calls() {
        DiscordProperties p = token("abc");

        assertThat(p.globalCommands()).isTrue();
        assertThat(p.coordinatorRole()).as("no default role: setup names one").isNull();
        assertThat(p.pace()).isEqualTo(48);
        assertThat(p.callTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(p.localApi()).isFalse();
        assertThatNoException().isThrownBy(p::validate);
    }

    @Test
    void the_coordinator_role_is_an_id_never_a_name() {
        assertThatThrownBy(() -> new DiscordProperties(
                        "abc", null, null, null, null, null, "Rapport Coordinator", null, null, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not its name");
        assertThat(new DiscordProperties("abc", null, null, null, null, null, " 1234567890 ", null, null, null)
                        .coordinatorRole())
                .isEqualTo("1234567890");
    }

    @Test
    void a_token_pasted_with_its_bot_prefix_is_taken_bare() {
        assertThat(token("  Bot abc.def  ").token()).isEqualTo("abc.def");
    }

    @Test
    void a_missing_token_names_the_variable_to_set() {
        assertThatIllegalStateException()
                .isThrownBy(() -> token(" ").validate())
                .withMessageContaining("RAPPORT_DISCORD_TOKEN");
    }

    @Test
    void the_command_scope_is_global_or_guild() {
        assertThatIllegalStateException()
                .isThrownBy(() -> token("abc").withCommandScope("everywhere").validate())
                .withMessageContaining("RAPPORT_DISCORD_COMMAND_SCOPE");
        assertThat(token("abc").withCommandScope(" Guild ").globalCommands()).isFalse();
    }

    @Test
    void a_shard_range_needs_a_total_and_must_fit_in_it() {
        DiscordProperties rangeOnly = new DiscordProperties("abc", null, null, 0, 1, null, null, null, null, null);
        assertThatIllegalStateException()
                .isThrownBy(rangeOnly::validate)
                .withMessageContaining("RAPPORT_DISCORD_SHARD_TOTAL");
        assertThatIllegalStateException()
                .isThrownBy(() -> token("abc").withShards(4, 2, 4).validate())
                .withMessageContaining("0 <= min <= max < RAPPORT_DISCORD_SHARD_TOTAL");
        assertThatNoException()
                .isThrownBy(() -> token("abc").withShards(4, 2, 3).validate());
    }

    @Test
    void the_pace_is_the_whole_bots_whichever_shards_an_instance_runs() {
        assertThat(token("abc").withShards(4, 0, 0).pace()).isEqualTo(48);
        assertThat(token("abc").withShards(4, 0, 3).pace()).isEqualTo(48);
        assertThat(token("abc").withShards(4, 0, 0).withSendsPerSecond(20.0).pace())
                .isEqualTo(20);
    }

    @Test
    void a_bot_discord_granted_a_higher_global_limit_may_pace_up_to_it() {
        DiscordProperties granted = new DiscordProperties("abc", null, null, null, null, null, null, 400.0, 500, null);

        assertThatNoException().isThrownBy(granted::validate);
        assertThat(granted.pace()).isEqualTo(400);
        assertThatIllegalStateException()
                .isThrownBy(() ->
                        new DiscordProperties("abc", null, null, null, null, null, null, 600.0, 500, null).validate())
                .withMessageContaining("RAPPORT_DISCORD_GLOBAL_LIMIT");
    }

    @Test
    void more_than_discords_global_limit_is_refused() {
        assertThatIllegalStateException()
                .isThrownBy(() -> token("abc").withSendsPerSecond(60.0).validate())
                .withMessageContaining("50 requests per second");
    }

    @Test
    void the_token_never_appears_when_the_settings_are_printed() {
        DiscordProperties p = DiscordProperties.of("secret-token-value", URI.create("http://127.0.0.1:1/api/v10"));

        assertThat(p.toString()).doesNotContain("secret-token-value").contains("token=(set)");
        assertThat(p.restBaseUrl()).isEqualTo("http://127.0.0.1:1/api/v10/");
        assertThat(p.localApi()).isTrue();
    }
}
