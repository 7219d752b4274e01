/**
 * The reusable local Slack: a small HTTP server on the loopback interface that speaks the parts of Slack's Web API
 * that Rapport uses, so the Slack adapter can be proven with the real Slack SDK client without reaching Slack. The
 * adapter's tests run it, and the sandbox will run it too.
 *
 * <p>{@link dev.rapport.localslack.LocalSlack} serves {@code auth.test}, {@code conversations.open},
 * {@code chat.postMessage} and {@code chat.update} under {@code /api/}, answers in Slack's documented shapes,
 * checks the bot token, enforces Slack's documented {@code chat.postMessage} limits with HTTP 429 and
 * {@code Retry-After}, records every message it accepts for assertions, and lets a test inject faults (5xx answers,
 * users whose DMs fail, slow answers). Time comes from an injectable {@link java.time.Clock}, so rate limits are
 * deterministic in tests.
 */
package dev.rapport.localslack;
