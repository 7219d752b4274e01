/**
 * The sandbox: what a new user gets from the README's run command with no Slack or Discord credentials. The
 * application starts the local Slack (and the local Discord) in its own process, points the real adapters at them,
 * seeds a demo programme, and serves a page on localhost where one can act as any participant: read their direct
 * messages as they arrive, click answers, fill in the comment form, run {@code /rapport} commands, and move the
 * clock on to the next check-in. Only Slack and Discord are replaced; the core, the adapters, PostgreSQL and the
 * schedule are the real ones.
 *
 * <p>{@link dev.rapport.sandbox.SandboxActivation} decides, before anything binds, whether the sandbox runs
 * ({@code RAPPORT_SANDBOX_ENABLED}: {@code auto} by default, meaning "when no platform is configured"), and if so
 * starts the local platforms and configures the adapters for them; it refuses to run against a configured database,
 * on a non-loopback address or beside real credentials. The page listens on the loopback interface only, and
 * {@link dev.rapport.sandbox.SandboxGuard} lets only that page, with its per-run token, change anything.
 */
package dev.rapport.sandbox;
