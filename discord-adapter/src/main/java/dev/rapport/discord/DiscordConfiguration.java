package dev.rapport.discord;

import dev.rapport.core.command.CommandService;
import dev.rapport.core.interaction.InteractionService;
import dev.rapport.core.pace.RateLimits;
import dev.rapport.core.participant.ParticipantLanguages;
import dev.rapport.core.participant.ParticipantService;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * Wires the Discord adapter into the application. Discord is on when a bot token is configured
 * ({@code RAPPORT_DISCORD_TOKEN}); the other settings are checked at start with a message that says what to fix
 * ({@link DiscordProperties#validate()}). Without a token nothing here exists and messages for Discord wait in the
 * outbox.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DiscordProperties.class)
public class DiscordConfiguration {

    /** A non-blank {@code rapport.discord.token}: an empty variable leaves Discord off rather than failing the start. */
    static final class DiscordEnabled implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return StringUtils.hasText(context.getEnvironment().getProperty("rapport.discord.token"));
        }
    }

    @Bean
    @Conditional(DiscordEnabled.class)
    DiscordPacer discordPacer(DiscordProperties properties, RateLimits limits) {
        properties.validate();
        return new DiscordPacer(limits, properties.pace());
    }

    @Bean
    @Conditional(DiscordEnabled.class)
    DiscordCommands discordCommands(CommandService commands) {
        return new DiscordCommands(commands);
    }

    @Bean
    @Conditional(DiscordEnabled.class)
    DiscordInbound discordInbound(
            CommandService commands,
            InteractionService interactions,
            ParticipantService participants,
            ParticipantLanguages languages,
            DiscordCommands slash,
            DiscordProperties properties) {
        return new DiscordInbound(
                commands,
                interactions,
                participants,
                languages,
                slash,
                properties.coordinatorRole(),
                properties.callTimeout());
    }

    @Bean
    @Conditional(DiscordEnabled.class)
    DiscordRegistrar discordRegistrar(DiscordCommands slash, DiscordPacer pacer, DiscordProperties properties) {
        return new DiscordRegistrar(properties.globalCommands(), slash.definition(), pacer, properties.callTimeout());
    }

    @Bean
    @Conditional(DiscordEnabled.class)
    DiscordConnection discordConnection(
            DiscordProperties properties, DiscordInbound inbound, DiscordRegistrar registrar) {
        return new DiscordConnection(properties, List.of(inbound, registrar), List.of(registrar, inbound));
    }

    @Bean
    @Conditional(DiscordEnabled.class)
    DiscordChatPort discordChatPort(DiscordConnection connection, DiscordPacer pacer, DiscordProperties properties) {
        return new DiscordChatPort(connection::rest, pacer, properties.callTimeout());
    }

    /** The connection's health ({@code discord}), where the application has Actuator's health support. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.boot.health.contributor.HealthIndicator")
    static class DiscordHealthConfiguration {

        @Bean("discord")
        @Conditional(DiscordEnabled.class)
        DiscordHealth discordHealth(DiscordConnection connection) {
            return new DiscordHealth(connection);
        }
    }

    @Bean
    @Conditional(DiscordEnabled.class)
    DiscordDirectory discordDirectory(DiscordConnection connection, DiscordPacer pacer, DiscordProperties properties) {
        return new DiscordDirectory(connection::rest, connection::guild, pacer, properties.callTimeout());
    }
}
