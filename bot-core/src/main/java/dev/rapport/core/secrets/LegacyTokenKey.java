package dev.rapport.core.secrets;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Reads the Slack bot tokens versions before 6 stored: {@code v1:} and base64 of a 12-byte nonce and AES-GCM output,
 * under SHA-256 of {@code RAPPORT_SLACK_TOKEN_KEY}, without associated data. Only the upgrade uses it, to seal them
 * again under {@link Secrets}; nothing is written in this form any more.
 */
final class LegacyTokenKey {

    static final String PREFIX = "v1:";

    private final String secret;

    /** @param secret {@code RAPPORT_SLACK_TOKEN_KEY}, or {@code null} when it is not set */
    LegacyTokenKey(String secret) {
        this.secret = secret;
    }

    static boolean isLegacy(String stored) {
        return stored != null && stored.startsWith(PREFIX);
    }

    String open(String rowId, String stored) {
        if (secret == null) {
            throw new SecretKeyMissingException("The Slack bot token of installation " + rowId + " was encrypted by an"
                    + " earlier version under RAPPORT_SLACK_TOKEN_KEY, which is not set. Set it (as before the upgrade)"
                    + " so the upgrade can seal the token again under RAPPORT_SECRET_KEY.");
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
            byte[] all = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(digest, "AES"), new GCMParameterSpec(128, all, 0, 12));
            return new String(cipher.doFinal(all, 12, all.length - 12), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new SecretUnreadableException("The Slack bot token of installation " + rowId + " does not open under"
                    + " RAPPORT_SLACK_TOKEN_KEY: it is not the key the earlier version encrypted it with.");
        }
    }
}
