package dev.rapport.core.jobs;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;

/**
 * Registers a bean only when this instance runs the schedule ({@code rapport.schedule.enabled}, default true). Put
 * on every recurring job's trigger, so tests and instances that only serve requests start no jobs.
 */
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
@ConditionalOnProperty(name = "rapport.schedule.enabled", havingValue = "true", matchIfMissing = true)
public @interface WhenScheduleEnabled {}
