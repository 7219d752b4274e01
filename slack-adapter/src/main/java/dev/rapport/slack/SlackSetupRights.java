package dev.rapport.slack;

import dev.rapport.core.chat.Platform;
import dev.rapport.core.installation.Installation;
import dev.rapport.core.installation.Installations;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.stream.Collectors;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Whom a Slack workspace lets set programmes up, reported to the core as {@code ChatUser.maySetUp} (the core's {@code
 * Authority} decides what it allows): by default the workspace's admins and owners, as {@code users.info} says
 * ({@code is_admin}, {@code is_owner}, {@code is_primary_owner}); or, where the operator configured an allowlist of
 * member ids, exactly those people. Whoever installed the app through OAuth may always, being the first person the
 * workspace trusted with it.
 */
final class SlackSetupRights {

    /**
     * The setting, bound from {@code rapport.slack.setup-allowed} ({@code RAPPORT_SLACK_SETUP_ALLOWED}).
     *
     * @param setupAllowed Slack member ids ({@code U…}, {@code W…}) allowed to run {@code /rapport setup} instead of
     *     the workspace's admins and owners; empty for the admins and owners
     */
    @ConfigurationProperties("rapport.slack")
    record Setting(List<String> setupAllowed) {

        Setting {
            setupAllowed = setupAllowed == null
                    ? List.of()
                    : setupAllowed.stream()
                            .map(String::strip)
                            .filter(id -> !id.isEmpty())
                            .toList();
        }
    }

    private final Set<String> allowed;
    private final BiPredicate<String, String> adminOrOwner;
    private final Optional<Installations> installations;

    SlackSetupRights(Setting setting, BiPredicate<String, String> adminOrOwner, Optional<Installations> installations) {
        this.allowed = setting.setupAllowed().stream().collect(Collectors.toUnmodifiableSet());
        this.adminOrOwner = adminOrOwner;
        this.installations = installations;
    }

    /** Whether this member of this workspace may set programmes up. */
    boolean maySetUp(String teamId, String userId) {
        if (installedBy(teamId, userId)) {
            return true;
        }
        if (!allowed.isEmpty()) {
            return allowed.contains(userId);
        }
        return adminOrOwner.test(teamId, userId);
    }

    private boolean installedBy(String teamId, String userId) {
        return installations
                .flatMap(i -> i.find(Platform.SLACK, teamId))
                .map(Installation::installerUserId)
                .filter(userId::equals)
                .isPresent();
    }
}
