package dev.rapport.core.installation;

import dev.rapport.core.chat.Platform;
import dev.rapport.core.database.SqlTime;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Stores installations and OAuth states in PostgreSQL, shared by every instance. */
@Service
public class Installations {

    /** How long an install may take between leaving for the platform's consent page and coming back. */
    public static final Duration STATE_LIFETIME = Duration.ofMinutes(10);

    private final JdbcTemplate jdbc;
    private final Clock clock;

    Installations(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Saves an installation, replacing an earlier one of the same workspace (a reinstall, a token rotation). */
    @Transactional
    public void save(Installation i) {
        jdbc.update(
                """
                insert into installation (platform, workspace_id, enterprise_id, workspace_name, app_id, bot_user_id,
                                          bot_id, bot_scopes, bot_token_cipher, installer_user_id, installed_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (platform, workspace_id) do update set enterprise_id = excluded.enterprise_id,
                    workspace_name = excluded.workspace_name, app_id = excluded.app_id, bot_user_id = excluded.bot_user_id,
                    bot_id = excluded.bot_id, bot_scopes = excluded.bot_scopes, bot_token_cipher = excluded.bot_token_cipher,
                    installer_user_id = excluded.installer_user_id, installed_at = excluded.installed_at""",
                i.platform().name(),
                i.workspaceId(),
                i.enterpriseId(),
                i.workspaceName(),
                i.appId(),
                i.botUserId(),
                i.botId(),
                i.botScopes(),
                i.botTokenCipher(),
                i.installerUserId(),
                SqlTime.of(i.installedAt() == null ? clock.instant() : i.installedAt()));
    }

    public Optional<Installation> find(Platform platform, String workspaceId) {
        List<Installation> found = jdbc.query(
                "select * from installation where platform = ? and workspace_id = ?",
                (rs, n) -> new Installation(
                        Platform.valueOf(rs.getString("platform")),
                        rs.getString("workspace_id"),
                        rs.getString("enterprise_id"),
                        rs.getString("workspace_name"),
                        rs.getString("app_id"),
                        rs.getString("bot_user_id"),
                        rs.getString("bot_id"),
                        rs.getString("bot_scopes"),
                        rs.getString("bot_token_cipher"),
                        rs.getString("installer_user_id"),
                        rs.getObject("installed_at", java.time.OffsetDateTime.class)
                                .toInstant()),
                platform.name(),
                workspaceId);
        return found.stream().findFirst();
    }

    /** Forgets a workspace's installation (the app was uninstalled or its tokens revoked); returns whether one existed. */
    @Transactional
    public boolean delete(Platform platform, String workspaceId) {
        return jdbc.update(
                        "delete from installation where platform = ? and workspace_id = ?",
                        platform.name(),
                        workspaceId)
                > 0;
    }

    /** How many workspaces have installed Rapport on a platform. */
    public int count(Platform platform) {
        Integer n = jdbc.queryForObject(
                "select count(*) from installation where platform = ?", Integer.class, platform.name());
        return n == null ? 0 : n;
    }

    /**
     * Remembers an OAuth state the adapter handed out (an unguessable value), valid for {@link #STATE_LIFETIME}; states
     * that expired are forgotten on the way.
     */
    @Transactional
    public void storeState(String state) {
        if (state == null || state.isBlank() || state.length() > 128) {
            throw new IllegalArgumentException("an OAuth state has 1 to 128 characters");
        }
        jdbc.update("delete from oauth_state where expires_at < ?", SqlTime.of(clock.instant()));
        jdbc.update(
                "insert into oauth_state (state, expires_at) values (?, ?) on conflict do nothing",
                state,
                SqlTime.of(clock.instant().plus(STATE_LIFETIME)));
    }

    /** Whether a state was issued here and has not expired or been used. */
    public boolean isValidState(String state) {
        if (state == null || state.isBlank() || state.length() > 128) {
            return false;
        }
        Integer n = jdbc.queryForObject(
                "select count(*) from oauth_state where state = ? and expires_at >= ?",
                Integer.class,
                state,
                SqlTime.of(clock.instant()));
        return n != null && n > 0;
    }

    /** Uses a state up: it cannot complete a second install. */
    @Transactional
    public void consumeState(String state) {
        jdbc.update("delete from oauth_state where state = ?", state);
    }
}
