/**
 * The schedule: when each side of each pair is next due ({@link dev.rapport.core.schedule.SlotPlanner}), the sweep
 * that turns due slots into check-ins and outbox rows ({@link dev.rapport.core.schedule.Sweeper}), the reminders,
 * and the Quartz jobs that run them.
 *
 * <p>A pair's schedule is data ({@code checkin_slot.next_due_at}, indexed), not a Quartz trigger: Quartz runs only a
 * few recurring jobs, clustered on PostgreSQL. The sweep writes one outbox row per message, unique on (pair, kind,
 * period, recipient), so no duplicate is possible however many sweeps run; sending is the {@code outbox} package's.
 * The slots follow the facts they are computed from through events ({@code PairStarted},
 * {@code ParticipantTimeChanged}, {@code CadenceChanged}, ...), so pairs, participants and programmes never call
 * into the schedule.
 */
package dev.rapport.core.schedule;
