package dev.rapport.slack;

import com.slack.api.bolt.model.Bot;
import com.slack.api.bolt.model.Installer;
import com.slack.api.bolt.model.builtin.DefaultBot;
import com.slack.api.bolt.model.builtin.DefaultInstaller;
import com.slack.api.bolt.service.InstallationService;
import com.slack.api.bolt.service.OAuthStateService;
import dev.rapport.core.chat.Platform;
import dev.rapport.core.installation.Installation;
import dev.rapport.core.installation.Installations;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bolt's installation and OAuth-state stores on the core's PostgreSQL tables, so every instance sees every install
 * and any instance can finish an install another began. Bot tokens are encrypted ({@link TokenCipher}) before they
 * are handed to the core; user tokens are never kept (Rapport asks for no user scopes).
 */
final class SlackInstallationStore implements InstallationService, OAuthStateService {

    private static final Logger log = LoggerFactory.getLogger(SlackInstallationStore.class);

    private final Installations installations;
    private final TokenCipher cipher;
    private final InstalledTokens tokens;

    SlackInstallationStore(Installations installations, TokenCipher cipher, InstalledTokens tokens) {
        this.installations = installations;
        this.cipher = cipher;
        this.tokens = tokens;
    }

    // ---- InstallationService

    @Override
    public boolean isHistoricalDataEnabled() {
        return false;
    }

    @Override
    public void setHistoricalDataEnabled(boolean enabled) {
        // Only the latest installation of a workspace is kept: nothing reads older ones.
    }

    @Override
    public void saveInstallerAndBot(Installer i) {
        if (i.getBotAccessToken() == null) {
            throw new IllegalStateException("Slack's install answer carried no bot token; was the bot scope granted?");
        }
        installations.save(new Installation(
                Platform.SLACK,
                i.getTeamId(),
                i.getEnterpriseId(),
                i instanceof DefaultInstaller d ? d.getTeamName() : null,
                i.getAppId(),
                i.getBotUserId(),
                i.getBotId(),
                i.getBotScope(),
                cipher.encrypt(i.getTeamId(), i.getBotAccessToken()),
                i.getInstallerUserId(),
                i.getInstalledAt() == null ? null : Instant.ofEpochMilli(i.getInstalledAt())));
        tokens.forget(i.getTeamId());
        log.info("Rapport was installed in Slack workspace {} by {}", i.getTeamId(), i.getInstallerUserId());
    }

    @Override
    public void deleteBot(Bot bot) {
        remove(bot.getTeamId());
    }

    @Override
    public void deleteInstaller(Installer installer) {
        remove(installer.getTeamId());
    }

    @Override
    public void deleteAll(String enterpriseId, String teamId) {
        remove(teamId);
    }

    @Override
    public Bot findBot(String enterpriseId, String teamId) {
        return find(teamId)
                .map(i -> {
                    DefaultBot bot = new DefaultBot();
                    bot.setAppId(i.appId());
                    bot.setEnterpriseId(i.enterpriseId());
                    bot.setTeamId(i.workspaceId());
                    bot.setTeamName(i.workspaceName());
                    bot.setBotId(i.botId());
                    bot.setBotUserId(i.botUserId());
                    bot.setBotScope(i.botScopes());
                    bot.setScope(i.botScopes());
                    bot.setTokenType("bot");
                    bot.setBotAccessToken(cipher.decrypt(i.workspaceId(), i.botTokenCipher()));
                    bot.setInstalledAt(i.installedAt().toEpochMilli());
                    return (Bot) bot;
                })
                .orElse(null);
    }

    @Override
    public Installer findInstaller(String enterpriseId, String teamId, String userId) {
        return find(teamId)
                .map(i -> {
                    DefaultInstaller installer = new DefaultInstaller();
                    installer.setAppId(i.appId());
                    installer.setEnterpriseId(i.enterpriseId());
                    installer.setTeamId(i.workspaceId());
                    installer.setTeamName(i.workspaceName());
                    installer.setBotId(i.botId());
                    installer.setBotUserId(i.botUserId());
                    installer.setBotScope(i.botScopes());
                    installer.setTokenType("bot");
                    installer.setBotAccessToken(cipher.decrypt(i.workspaceId(), i.botTokenCipher()));
                    installer.setInstallerUserId(i.installerUserId());
                    installer.setInstalledAt(i.installedAt().toEpochMilli());
                    return (Installer) installer;
                })
                .orElse(null);
    }

    private Optional<Installation> find(String teamId) {
        return teamId == null ? Optional.empty() : installations.find(Platform.SLACK, teamId);
    }

    private void remove(String teamId) {
        if (teamId != null && installations.delete(Platform.SLACK, teamId)) {
            log.info("Rapport was uninstalled from Slack workspace {} (or its tokens were revoked)", teamId);
        }
        if (teamId != null) {
            tokens.forget(teamId);
        }
    }

    // ---- OAuthStateService

    @Override
    public void addNewStateToDatastore(String state) {
        installations.storeState(state);
    }

    @Override
    public boolean isAvailableInDatabase(String state) {
        return installations.isValidState(state);
    }

    @Override
    public void deleteStateFromDatastore(String state) {
        installations.consumeState(state);
    }

    @Override
    public long getExpirationInSeconds() {
        return Installations.STATE_LIFETIME.toSeconds();
    }
}
