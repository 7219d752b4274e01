package dev.rapport.discord;

import dev.rapport.core.test.FreshDatabase;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

/**
 * Marks an end-to-end test of the Discord adapter: the core and the adapter's Spring context on a fresh PostgreSQL
 * database, a real JDA logged in to a local Discord ({@link LocalDiscordWorld}), and the schedule off, so the test
 * drives the sweep, the dispatcher, the reminders and the profile job itself.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
        classes = DiscordTestApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {"rapport.schedule.enabled=false", "spring.quartz.auto-startup=false"})
@ContextConfiguration(initializers = {FreshDatabase.class, LocalDiscordWorld.class})
public @interface DiscordIT {}
