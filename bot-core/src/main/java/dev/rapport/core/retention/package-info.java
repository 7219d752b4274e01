/**
 * Retention: how long Rapport keeps what it no longer needs, applied by a Quartz job of its own
 * ({@link dev.rapport.core.retention.Retention}, limits in {@link dev.rapport.core.retention.RetentionProperties}).
 * The text of messages that are done with, handled platform event ids, and ended pairs with all their check-ins,
 * answers, comments, meetings and messages once their programme's limit has passed.
 */
package dev.rapport.core.retention;
