package dev.rapport.sandbox;

import dev.rapport.core.command.CommandService;
import dev.rapport.core.participant.ParticipantLanguages;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** The sandbox's beans, present only when {@link SandboxActivation} turned the sandbox on. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = SandboxActivation.ACTIVE, havingValue = "true")
class SandboxConfiguration implements WebMvcConfigurer {

    /** One per run: its token is the one the page reads and the one every change must carry. */
    private final SandboxGuard guard = new SandboxGuard();

    @Bean(destroyMethod = "close")
    SandboxWorld sandboxWorld() {
        return SandboxWorld.current();
    }

    /** Replaces the core's clock: real time, moved on as far as the person trying Rapport asks. */
    @Bean
    @Primary
    SandboxClock sandboxClock() {
        return new SandboxClock();
    }

    @Bean
    SandboxLanguages sandboxLanguages(ParticipantLanguages languages) {
        return new SandboxLanguages(languages);
    }

    @Bean
    SlackSandbox slackSandbox(SandboxWorld world, SandboxLanguages languages) {
        return new SlackSandbox(world.slack(), languages);
    }

    @Bean
    DiscordSandbox discordSandbox(SandboxWorld world, CommandService commands, SandboxLanguages languages) {
        return new DiscordSandbox(world.discord(), commands, languages);
    }

    @Bean
    SandboxGuard sandboxGuard() {
        return guard;
    }

    /** The page's API answers this machine's sandbox page only ({@link SandboxGuard}). */
    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(guard).addPathPatterns("/sandbox/api/**");
    }

    /** The page and its script, served only while the sandbox runs (never by a deployed Rapport). */
    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/sandbox/**").addResourceLocations("classpath:/sandbox-web/");
    }

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addRedirectViewController("/", "/sandbox/index.html");
        registry.addRedirectViewController("/sandbox", "/sandbox/index.html");
    }
}
