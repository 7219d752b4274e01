package dev.rapport.slack;

import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.jakarta_servlet.SlackOAuthAppServlet;
import dev.rapport.core.command.CommandService;
import dev.rapport.core.installation.Installations;
import dev.rapport.core.interaction.InboundEvents;
import dev.rapport.core.interaction.InteractionService;
import dev.rapport.core.pace.RateLimits;
import dev.rapport.core.participant.ParticipantLanguages;
import dev.rapport.core.participant.ParticipantService;
import dev.rapport.core.secrets.Secrets;
import java.time.Clock;
import java.util.Optional;
import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the Slack adapter into the application. Slack is on when a bot token (one workspace) or an OAuth client id
 * (installs in many workspaces) is configured; the settings are checked at start with a message that says what is
 * missing ({@link SlackProperties#validate()}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({SlackProperties.class, SlackSetupRights.Setting.class})
public class SlackConfiguration {

    /** Slack is configured: a bot token or an OAuth client. */
    static final class SlackEnabled extends AnyNestedCondition {
        SlackEnabled() {
            super(ConfigurationPhase.REGISTER_BEAN);
        }

        @ConditionalOnProperty(prefix = "rapport.slack", name = "bot-token")
        static final class BotToken {}

        @ConditionalOnProperty(prefix = "rapport.slack", name = "client-id")
        static final class OAuthClient {}
    }

    @Bean(destroyMethod = "close")
    @Conditional(SlackEnabled.class)
    SlackApi slackApi(SlackProperties properties) {
        properties.validate();
        return new SlackApi(properties);
    }

    @Bean
    @Conditional(SlackEnabled.class)
    SlackTokens slackTokens(SlackProperties properties, Optional<Installations> installations, Secrets secrets) {
        if (properties.oauth()) {
            return new InstalledTokens(installations.orElseThrow(), new TokenCipher(secrets));
        }
        return SlackTokens.single(properties.botToken());
    }

    @Bean
    @Conditional(SlackEnabled.class)
    SlackChatPort slackChatPort(SlackApi api, SlackTokens tokens, RateLimits limits, SlackProperties properties) {
        return new SlackChatPort(api, tokens, limits, properties);
    }

    @Bean
    @Conditional(SlackEnabled.class)
    SlackDirectory slackDirectory(SlackApi api, SlackTokens tokens) {
        return new SlackDirectory(api, tokens);
    }

    @Bean
    @Conditional(SlackEnabled.class)
    SlackInbound slackInbound(
            CommandService commands,
            InteractionService interactions,
            InboundEvents events,
            ParticipantService participants,
            ParticipantLanguages languages,
            SlackDirectory directory,
            SlackApi api,
            SlackSetupRights.Setting setting,
            Optional<Installations> installations) {
        SlackSetupRights setupRights = new SlackSetupRights(setting, directory::adminOrOwner, installations);
        return new SlackInbound(
                commands, interactions, events, participants, languages, directory, setupRights, new SlackReplies(api));
    }

    @Bean
    @Conditional(SlackEnabled.class)
    App slackApp(
            SlackProperties properties,
            SlackApi api,
            SlackTokens tokens,
            Optional<Installations> installations,
            Secrets secrets,
            SlackInbound inbound) {
        AppConfig config = new AppConfig();
        config.setSlack(api.slack());
        if (SlackProperties.isSet(properties.signingSecret())) {
            config.setSigningSecret(properties.signingSecret());
        }
        App app;
        if (properties.oauth()) {
            config.setClientId(properties.clientId());
            config.setClientSecret(properties.clientSecret());
            config.setScope(SlackProperties.BOT_SCOPES);
            config.setUserScope("");
            // Full paths: Bolt joins an app path and these without a slash between them.
            config.setOauthInstallPath("/slack/install");
            config.setOauthRedirectUriPath("/slack/oauth_redirect");
            config.setRedirectUri(properties.oauthRedirectUrl());
            // /slack/install sends the browser straight to Slack's consent page, rather than to a page with a link.
            config.setOAuthInstallPageRenderingEnabled(false);
            app = new App(config).asOAuthApp(true);
            SlackInstallationStore store = new SlackInstallationStore(
                    installations.orElseThrow(), new TokenCipher(secrets), (InstalledTokens) tokens);
            app.service((com.slack.api.bolt.service.InstallationService) store);
            app.service((com.slack.api.bolt.service.OAuthStateService) store);
            // app_uninstalled and tokens_revoked remove the workspace's installation.
            app.enableTokenRevocationHandlers();
        } else {
            config.setSingleTeamBotToken(properties.botToken());
            app = new App(config);
        }
        inbound.register(app, properties.command());
        return app;
    }

    @Bean
    @Conditional(SlackEnabled.class)
    SlackConnection slackConnection(App app, SlackProperties properties, SlackInbound inbound) {
        return new SlackConnection(app, properties, inbound);
    }

    /** The connection's health, where the application has Actuator's health support. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.boot.health.contributor.HealthIndicator")
    static class SlackHealthConfiguration {

        @Bean("slack")
        @Conditional(SlackEnabled.class)
        SlackHealth slackHealth(SlackConnection connection) {
            return new SlackHealth(connection);
        }
    }

    /** Slack's HTTP delivery and the OAuth install flow, on the application's servlet container. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    static class SlackHttp {

        /**
         * {@code /slack/events}: commands, interactions and events. Rapport's own servlet in front of Bolt's app, rather
         * than Bolt's {@code SlackAppServlet}: it bounds the body, verifies the signature before anything else reads it,
         * and answers a malformed request with 400 without Bolt's parser logging it ({@link SlackEventsServlet}).
         * Timestamps are checked against the system's clock, as Slack sets them, never the schedule's.
         */
        @Bean
        @Conditional(SlackEnabled.class)
        ServletRegistrationBean<SlackEventsServlet> slackEvents(App app, SlackProperties properties) {
            SlackEventsServlet servlet = new SlackEventsServlet(
                    app, properties.signingSecret(), properties.maxRequestBytes(), Clock.systemUTC());
            ServletRegistrationBean<SlackEventsServlet> bean = new ServletRegistrationBean<>(servlet, "/slack/events");
            bean.setName("slackEvents");
            bean.setEnabled(!properties.socketMode());
            return bean;
        }

        /** {@code /slack/install} and {@code /slack/oauth_redirect}: Slack's "Add to Slack" install flow. */
        @Bean
        @Conditional(SlackEnabled.class)
        ServletRegistrationBean<SlackOAuthAppServlet> slackOAuth(App app, SlackProperties properties) {
            ServletRegistrationBean<SlackOAuthAppServlet> bean = new ServletRegistrationBean<>(
                    new SlackOAuthAppServlet(app), "/slack/install", "/slack/oauth_redirect");
            bean.setName("slackOAuth");
            bean.setEnabled(properties.oauth());
            return bean;
        }
    }
}
