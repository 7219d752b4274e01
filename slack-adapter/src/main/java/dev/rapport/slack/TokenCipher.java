package dev.rapport.slack;

import dev.rapport.core.chat.Platform;
import dev.rapport.core.secrets.SecretField;
import dev.rapport.core.secrets.Secrets;

/**
 * Seals installed workspaces' bot tokens before they reach the database, through the core's {@link Secrets}: AES-256-GCM
 * under the Slack-token key derived (HKDF) from {@code RAPPORT_SECRET_KEY}, a fresh nonce per token, and the
 * installation's identity ({@code SLACK/<team id>}) as associated data. A stolen database dump alone does not give away
 * the tokens, and a token copied to another workspace's row does not open there.
 */
final class TokenCipher {

    private final Secrets secrets;

    TokenCipher(Secrets secrets) {
        this.secrets = secrets;
    }

    /** The token of workspace {@code teamId}, sealed for that workspace's installation row. */
    String encrypt(String teamId, String token) {
        return secrets.seal(SecretField.BOT_TOKEN, row(teamId), token);
    }

    /**
     * The token of workspace {@code teamId}, or an exception that says why it does not open (a key not configured, or a
     * value that belongs to another workspace), never the stored text.
     */
    String decrypt(String teamId, String stored) {
        return secrets.open(SecretField.BOT_TOKEN, row(teamId), stored);
    }

    private static String row(String teamId) {
        return SecretField.installationRow(Platform.SLACK.name(), teamId);
    }
}
