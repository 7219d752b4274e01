/**
 * The Slack adapter: Rapport in a Slack workspace, through Bolt for Java.
 *
 * <ul>
 *   <li><b>Connection</b> ({@link dev.rapport.slack.SlackConfiguration}, {@link dev.rapport.slack.SlackConnection}):
 *       Socket Mode, or HTTP delivery to {@code /slack/events} on the application's servlet container
 *       ({@link dev.rapport.slack.SlackEventsServlet}: bounded body, verified against the signing secret before
 *       anything else, a malformed request refused with 400 and never logged); one workspace from a bot token, or installs in many workspaces through Slack's
 *       OAuth flow ({@code /slack/install}), their bot tokens encrypted in the core's {@code installation} table
 *       ({@link dev.rapport.slack.TokenCipher}). Settings in {@link dev.rapport.slack.SlackProperties}, checked at
 *       start; the connection's health is the {@code slack} indicator.
 *   <li><b>Inbound</b> ({@link dev.rapport.slack.SlackInbound}): {@code /rapport}, taps on Rapport's buttons, submitted
 *       modals and {@code user_change}, acknowledged at once (within Slack's 3 s whatever the work) and answered
 *       afterwards through {@code response_url}, {@code chat.update} of the clicked message or a private note
 *       ({@link dev.rapport.slack.SlackReplies}); names and time zones from {@code users.info}
 *       ({@link dev.rapport.slack.SlackDirectory}, also the core's directory port).
 *   <li><b>Outbound</b> ({@link dev.rapport.slack.SlackChatPort}): the core's direct messages through the SDK's
 *       synchronous Web API client, paced per workspace, what Slack said reported as a
 *       {@link dev.rapport.core.chat.SendResult} (429s as rate-limited, never retried here).
 *   <li><b>Rendering</b>: {@link dev.rapport.slack.BlockKitRenderer} turns the core's messages into Block Kit within
 *       Slack's limits, with the core's action ids carried verbatim; {@link dev.rapport.slack.ModalRenderer} turns a
 *       core form into a modal and a submission back into the core's field map; images and files are uploaded.
 * </ul>
 *
 * <p>Its tests drive the real Bolt app, in both modes, against the {@code local-slack} module.
 */
package dev.rapport.slack;
