/**
 * Pair health: how each mentor–mentee pair is doing, judged from facts (response rate, weeks since the last
 * meeting, each trust dimension's level and trend on both sides, and the gap between the two sides), with a
 * plain-English reason for every flag. {@link dev.rapport.core.health.HealthService} assesses pairs for the
 * coordinator commands, keeps {@code pair_health} up to date, and alerts a programme's coordinators once when a
 * pair turns {@link dev.rapport.core.health.HealthState#AT_RISK} (unless snoozed).
 */
package dev.rapport.core.health;
