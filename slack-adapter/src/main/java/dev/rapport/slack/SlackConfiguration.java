package dev.rapport.slack;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the Slack adapter into the application; Slack is on only when a bot token is configured. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SlackProperties.class)
public class SlackConfiguration {

    @Bean
    @ConditionalOnProperty(prefix = "rapport.slack", name = "bot-token")
    SlackChatPort slackChatPort(SlackProperties properties) {
        return new SlackChatPort(properties);
    }
}
