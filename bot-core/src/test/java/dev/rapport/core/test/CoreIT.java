package dev.rapport.core.test;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

/**
 * Marks an integration test of the core: the core's Spring context on a fresh PostgreSQL database, with
 * Quartz's recurring triggers and the dispatch workers off so the test drives the schedule itself.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
        classes = CoreTestApplication.class,
        properties = {"rapport.schedule.enabled=false", "spring.quartz.auto-startup=false"})
@ContextConfiguration(initializers = FreshDatabase.class)
public @interface CoreIT {}
