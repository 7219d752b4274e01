/**
 * Workspaces that installed Rapport through a platform's OAuth flow (Slack's, for installs in many workspaces), and
 * the one-time {@code state} values that protect that flow. The core stores a bot token only as the adapter hands it
 * over, already sealed through {@link dev.rapport.core.secrets.Secrets} for the installation's row
 * ({@code SLACK/<team id>}): {@link dev.rapport.core.installation.Installation#botTokenCipher()} is opaque here.
 */
package dev.rapport.core.installation;
