package dev.rapport.discord;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

class DiscordConfigurationTest {

    private final ApplicationContextRunner context =
            new ApplicationContextRunner().withUserConfiguration(DiscordConfiguration.class);

    @Test
    void without_a_token_discord_stays_off() {
        context.run(c -> assertThat(c).doesNotHaveBean(DiscordConnection.class).doesNotHaveBean(DiscordChatPort.class));
        context.withPropertyValues("rapport.discord.token=")
                .run(c -> assertThat(c).hasNotFailed().doesNotHaveBean(DiscordConnection.class));
    }

    @Test
    void every_setting_binds_from_its_rapport_discord_environment_variable() {
        StandardEnvironment env = new StandardEnvironment();
        env.getPropertySources()
                .addFirst(new SystemEnvironmentPropertySource(
                        "test-environment",
                        Map.of(
                                "RAPPORT_DISCORD_TOKEN", "abc",
                                "RAPPORT_DISCORD_API_URL", "http://127.0.0.1:9/api/v10/",
                                "RAPPORT_DISCORD_SHARD_TOTAL", "4",
                                "RAPPORT_DISCORD_SHARD_MIN", "2",
                                "RAPPORT_DISCORD_SHARD_MAX", "3",
                                "RAPPORT_DISCORD_COMMAND_SCOPE", "guild",
                                "RAPPORT_DISCORD_COORDINATOR_ROLE", "987654321098765432",
                                "RAPPORT_DISCORD_SENDS_PER_SECOND", "20",
                                "RAPPORT_DISCORD_CALL_TIMEOUT", "5s")));
        ConfigurationPropertySources.attach(env);

        DiscordProperties p =
                Binder.get(env).bind("rapport.discord", DiscordProperties.class).get();

        assertThat(p.token()).isEqualTo("abc");
        assertThat(p.restBaseUrl()).isEqualTo("http://127.0.0.1:9/api/v10/");
        assertThat(p.shardTotal()).isEqualTo(4);
        assertThat(p.shardMin()).isEqualTo(2);
        assertThat(p.shardMax()).isEqualTo(3);
        assertThat(p.globalCommands()).isFalse();
        assertThat(p.coordinatorRole()).isEqualTo("987654321098765432");
        assertThat(p.pace()).isEqualTo(20);
        assertThat(p.callTimeout()).isEqualTo(Duration.ofSeconds(5));
    }
}
