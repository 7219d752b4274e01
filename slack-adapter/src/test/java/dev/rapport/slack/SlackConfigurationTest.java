package dev.rapport.slack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.core.chat.ChatPort;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class SlackConfigurationTest {

    private final ApplicationContextRunner context =
            new ApplicationContextRunner().withUserConfiguration(SlackConfiguration.class);

    @Test
    void without_a_bot_token_there_is_no_slack_chat_port() {
        context.run(c -> assertThat(c).doesNotHaveBean(ChatPort.class));
    }

    @Test
    void a_bot_token_from_the_environment_turns_the_slack_chat_port_on() {
        context.withPropertyValues(
                        "rapport.slack.bot-token=local-configured-token-0001",
                        "rapport.slack.api-url=http://127.0.0.1:9/api/",
                        "rapport.slack.call-timeout=3s")
                .run(c -> {
                    assertThat(c).hasSingleBean(ChatPort.class).hasSingleBean(SlackChatPort.class);
                    assertThat(c.getBean(SlackProperties.class).callTimeout()).isEqualTo(Duration.ofSeconds(3));
                });
    }
}
