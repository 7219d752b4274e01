/**
 * Rate limits that belong to the bot, not to one instance of it. A chat platform limits the bot (Discord: 50
 * requests per second for the whole bot) or the app in one workspace (Slack: a few hundred messages a minute), however
 * many instances of Rapport send; so every instance takes its turns from the same token buckets, kept in PostgreSQL
 * ({@link dev.rapport.core.pace.PostgresRateLimits}, with Bucket4j). The chat adapters name the limits they keep
 * ({@link dev.rapport.core.pace.Limit}) and ask for a turn before each request.
 */
package dev.rapport.core.pace;
