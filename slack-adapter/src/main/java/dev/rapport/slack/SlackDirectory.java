package dev.rapport.slack;

import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.request.users.UsersInfoRequest;
import com.slack.api.methods.response.users.UsersInfoResponse;
import com.slack.api.model.User;
import dev.rapport.core.chat.Directory;
import dev.rapport.core.chat.Platform;
import dev.rapport.core.participant.Zones;
import java.io.IOException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who someone is on Slack, from {@code users.info} (scope {@code users:read}): the name to call them by (their
 * display name, else their full name, else their handle), their IANA time zone ({@code tz}), their language
 * ({@code locale}, asked for with {@code include_locale}), and whether the workspace
 * made them an admin or owner. Answers are kept for
 * {@link #KEPT}, so the names in one command (an actor and two mentions) and the next command's cost one call each;
 * {@code user_change} events keep the core's copy current in between.
 */
public final class SlackDirectory implements Directory {

    static final Duration KEPT = Duration.ofMinutes(10);

    /** What was read about someone: their profile, and whether the workspace made them an admin or owner. */
    private record Kept(Optional<Profile> profile, boolean adminOrOwner, long until) {}

    private final SlackApi api;
    private final SlackTokens tokens;
    private final Map<String, Kept> kept = new ConcurrentHashMap<>();

    public SlackDirectory(SlackApi api, SlackTokens tokens) {
        this.api = api;
        this.tokens = tokens;
    }

    @Override
    public Platform platform() {
        return Platform.SLACK;
    }

    @Override
    public Optional<Profile> lookup(String teamId, String userId) {
        return kept(teamId, userId).profile();
    }

    /**
     * Whether the workspace made this person an admin, an owner or its primary owner ({@code is_admin},
     * {@code is_owner}, {@code is_primary_owner}); false when Slack cannot say now (never more than a member).
     */
    boolean adminOrOwner(String teamId, String userId) {
        try {
            return kept(teamId, userId).adminOrOwner();
        } catch (DirectoryUnavailableException e) {
            return false;
        }
    }

    private Kept kept(String teamId, String userId) {
        String key = teamId + "/" + userId;
        long now = System.nanoTime();
        Kept k = kept.get(key);
        if (k != null && now - k.until() < 0) {
            return k;
        }
        Kept read = read(teamId, userId, now + KEPT.toNanos());
        kept.put(key, read);
        return read;
    }

    /** What a {@code user_change} event says, remembered as if just read. */
    void remember(String teamId, User user) {
        kept.put(
                teamId + "/" + user.getId(),
                new Kept(Optional.of(profileOf(user)), adminOrOwner(user), System.nanoTime() + KEPT.toNanos()));
    }

    private Kept read(String teamId, String userId, long until) {
        String token = tokens.botToken(teamId)
                .orElseThrow(() -> new DirectoryUnavailableException("Rapport is not installed in " + teamId));
        try {
            UsersInfoResponse info = api.methods(token)
                    .usersInfo(UsersInfoRequest.builder()
                            .user(userId)
                            .includeLocale(true)
                            .build());
            if (info.isOk() && info.getUser() != null) {
                return new Kept(Optional.of(profileOf(info.getUser())), adminOrOwner(info.getUser()), until);
            }
            if ("user_not_found".equals(info.getError())) {
                return new Kept(Optional.empty(), false, until);
            }
            throw new DirectoryUnavailableException("Slack users.info: " + info.getError());
        } catch (SlackApiException e) {
            int status = e.getResponse() == null ? 0 : e.getResponse().code();
            throw new DirectoryUnavailableException("Slack users.info: HTTP " + status);
        } catch (IOException e) {
            throw new DirectoryUnavailableException(
                    "Slack users.info: " + e.getClass().getSimpleName());
        }
    }

    /** A deleted account is nobody's admin, whatever its flags still say. */
    static boolean adminOrOwner(User user) {
        return !user.isDeleted() && (user.isAdmin() || user.isOwner() || user.isPrimaryOwner());
    }

    /**
     * The name to call someone by, their zone and their language, as Slack describes them ({@code locale} is there
     * when {@code users.info} was asked with {@code include_locale}; a {@code user_change} event carries none).
     */
    static Profile profileOf(User user) {
        String name = null;
        if (user.getProfile() != null) {
            name = firstSet(
                    user.getProfile().getDisplayName(), user.getProfile().getRealName());
        }
        name = firstSet(name, user.getRealName(), user.getName());
        ZoneId zone = Zones.parse(user.getTz()).orElse(null);
        return new Profile(name == null ? "" : name, zone, null, user.getLocale());
    }

    private static String firstSet(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v.strip();
            }
        }
        return null;
    }
}
