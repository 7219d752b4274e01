/**
 * The Slack adapter. So far it holds the rendering: {@link dev.rapport.slack.BlockKitRenderer} turns the core's
 * {@link dev.rapport.core.chat.ChatMessage}s into Block Kit blocks and fallback text, and
 * {@link dev.rapport.slack.ModalRenderer} turns a {@link dev.rapport.core.chat.Form} into a modal view and a
 * submitted view's state back into the core's field map, both within Slack's documented limits and with the
 * core's action ids carried verbatim. They use the Slack SDK's model classes only.
 *
 * <p>Still to come with the Slack adapter issue: the Bolt app (Socket Mode and HTTP), the
 * {@link dev.rapport.core.chat.ChatPort} for Slack, uploading images and attachments (the renderer only names
 * them), and mapping slash commands, clicks and modal submissions to the core's use cases.
 */
package dev.rapport.slack;
