package dev.rapport.slack;

import dev.rapport.core.chat.Platform;
import dev.rapport.core.installation.Installations;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Bot tokens of workspaces that installed Rapport through OAuth, read from the database and decrypted. Each is
 * remembered for {@link #KEPT}, so a burst of sends to one workspace reads it once; an uninstall is seen within that
 * time (and Slack refuses a revoked token anyway, which the port reports).
 */
final class InstalledTokens implements SlackTokens {

    static final Duration KEPT = Duration.ofMinutes(1);

    private record Kept(Optional<String> token, long until) {}

    private final Installations installations;
    private final TokenCipher cipher;
    private final Map<String, Kept> kept = new ConcurrentHashMap<>();

    InstalledTokens(Installations installations, TokenCipher cipher) {
        this.installations = installations;
        this.cipher = cipher;
    }

    @Override
    public Optional<String> botToken(String teamId) {
        long now = System.nanoTime();
        Kept k = kept.get(teamId);
        if (k != null && now - k.until() < 0) {
            return k.token();
        }
        Optional<String> token =
                installations.find(Platform.SLACK, teamId).map(i -> cipher.decrypt(teamId, i.botTokenCipher()));
        kept.put(teamId, new Kept(token, now + KEPT.toNanos()));
        return token;
    }

    /** Forgets what was remembered of a workspace (it was just installed again or uninstalled). */
    void forget(String teamId) {
        kept.remove(teamId);
    }
}
