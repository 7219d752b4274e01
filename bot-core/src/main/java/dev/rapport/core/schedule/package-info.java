/**
 * The schedule and the way out: when each pair's next check-in is due, the sweep that turns due slots
 * into outbox rows, and the dispatcher that sends outbox rows through the {@link dev.rapport.core.chat.ChatPort}.
 *
 * <p>A pair's schedule is data ({@code checkin_slot.next_due_at}, indexed), not a Quartz trigger:
 * Quartz runs only a few recurring jobs, clustered on PostgreSQL. The sweep writes one outbox row per
 * message, unique on (pair, kind, period, recipient), so no duplicate is possible however many sweeps
 * run; dispatchers claim rows with {@code FOR UPDATE SKIP LOCKED}, so two instances never take the same
 * row, and a crashed instance's claims expire and are retried, so none is lost.
 */
package dev.rapport.core.schedule;
