/**
 * The outbound port to chat platforms and the platform-neutral message model.
 *
 * <p>The core says <em>what</em> to tell <em>whom</em> ({@link dev.rapport.core.chat.ChatMessage},
 * {@link dev.rapport.core.chat.Recipient}); each adapter implements {@link dev.rapport.core.chat.ChatPort}
 * and renders the message natively (Block Kit on Slack, components and modals on Discord). Inbound
 * identities arrive as {@link dev.rapport.core.chat.ChatUser}.
 */
package dev.rapport.core.chat;
