/**
 * The way out: every message Rapport sends is an outbox row first, and leaves through here exactly once.
 *
 * <ul>
 *   <li><b>Enqueueing</b> ({@link dev.rapport.core.outbox.Outbox}) stores one row per (pair, kind, period,
 *       recipient): enqueueing twice, from two instances at once, stores one.
 *   <li><b>Claiming</b> ({@code Claims}) takes due rows with {@code FOR UPDATE SKIP LOCKED}, so workers on any
 *       number of instances take different rows.
 *   <li><b>Sending</b> ({@code Round}) renders each row at send time through the feature that owns its kind
 *       ({@link dev.rapport.core.outbox.OutboxHandler}), which may expire it as pointless, and sends the rest through
 *       the {@link dev.rapport.core.chat.ChatPort} with the row's id as the platform's idempotency key.
 *   <li><b>Recording</b> ({@code OutcomeRecorder}) makes each group's outcomes durable before the next group begins,
 *       writing that group into {@code dispatch_group} in the same transaction: a crash leaves only that group's
 *       outcomes unknown, and
 *       those rows are retried as "in doubt", which the ports resolve without a duplicate where the platform allows.
 *   <li><b>Outages</b> ({@link dev.rapport.core.outbox.Outages}) stop sending to a platform or workspace that fails as
 *       a whole and probe it until it recovers; no message spends an attempt on an outage.
 *   <li><b>Instances</b> ({@code Instances}) beat a heartbeat, so a crashed instance's rows are taken over in seconds.
 * </ul>
 */
package dev.rapport.core.outbox;
