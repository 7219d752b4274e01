/**
 * The Slack adapter. So far it holds the rendering and the outbound port. The rendering: {@link dev.rapport.slack.BlockKitRenderer} turns the core's
 * {@link dev.rapport.core.chat.ChatMessage}s into Block Kit blocks and fallback text, and
 * {@link dev.rapport.slack.ModalRenderer} turns a {@link dev.rapport.core.chat.Form} into a modal view and a
 * submitted view's state back into the core's field map, both within Slack's documented limits and with the
 * core's action ids carried verbatim. They use the Slack SDK's model classes only. The port:
 * {@link dev.rapport.slack.SlackChatPort} sends the core's direct messages through the Slack SDK's synchronous Web
 * API client and reports what Slack said as a {@link dev.rapport.core.chat.SendResult}; it is a bean when
 * {@code RAPPORT_SLACK_BOT_TOKEN} is set ({@link dev.rapport.slack.SlackProperties}). Its tests run against the
 * {@code local-slack} module.
 *
 * <p>Still to come with the Slack adapter issue: the Bolt app (Socket Mode and HTTP), updating a message after an
 * answer ({@code chat.update}), uploading images and attachments (the renderer only names them), OAuth installs for
 * many workspaces, and mapping slash commands, clicks and modal submissions to the core's use cases.
 */
package dev.rapport.slack;
