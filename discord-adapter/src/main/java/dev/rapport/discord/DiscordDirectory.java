package dev.rapport.discord;

import dev.rapport.core.chat.ChatUser;
import dev.rapport.core.chat.Directory;
import dev.rapport.core.chat.Platform;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongFunction;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.User;
import net.dv8tion.jda.api.requests.ErrorResponse;

/**
 * Who someone is on Discord: the name the server shows them by (their server nickname, else their display name, else
 * their username), read with {@code GET guilds/{id}/members/{user}} where this instance runs the server's shard and
 * {@code GET users/{id}} otherwise. Discord never tells anyone's time zone, so every profile comes without one; the
 * core then asks the person in a direct message ({@code ProfileRefresh}, the onboarding question).
 *
 * <p>Lookups are paced with the sends ({@link DiscordPacer}): the global limit counts them too. Discord being slow,
 * down or rate-limiting is a {@link Directory.DirectoryUnavailableException}, so the core asks again on its next run;
 * someone Discord does not know (any more) is an empty profile.
 */
final class DiscordDirectory implements Directory {

    private final Supplier<JDA> rest;
    private final LongFunction<Guild> guilds;
    private final DiscordPacer pacer;
    private final Duration callTimeout;

    /**
     * @param rest the JDA instance to call the REST API with, or null while Discord is not connected
     * @param guilds a server by id, if one of this instance's shards has it, else null
     */
    DiscordDirectory(Supplier<JDA> rest, LongFunction<Guild> guilds, DiscordPacer pacer, Duration callTimeout) {
        this.rest = rest;
        this.guilds = guilds;
        this.pacer = pacer;
        this.callTimeout = callTimeout;
    }

    @Override
    public Platform platform() {
        return Platform.DISCORD;
    }

    @Override
    public Optional<Profile> lookup(String workspaceId, String userId) {
        JDA jda = rest.get();
        if (jda == null) {
            throw new DirectoryUnavailableException("Discord is not connected yet");
        }
        long user;
        try {
            user = Long.parseUnsignedLong(userId);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        Guild guild = guildOf(workspaceId);
        if (guild != null) {
            pace();
            Calls.Outcome<Member> member = Calls.await(guild.retrieveMemberById(user), callTimeout);
            if (member.ok()) {
                return Optional.of(new Profile(
                        member.value().getEffectiveName(),
                        null,
                        member.value().getRoles().stream().map(r -> r.getId()).collect(Collectors.toSet())));
            }
            if (!unknown(member.failure(), ErrorResponse.UNKNOWN_MEMBER)) {
                throw unavailable("GET guilds/{id}/members/{user}", member.failure());
            }
            // Left the server: the account itself may still be there, and a name is still worth having.
        }
        pace();
        Calls.Outcome<User> found = Calls.await(jda.retrieveUserById(user), callTimeout);
        if (found.ok()) {
            // Not (or no longer) a member of a server this instance runs: no role there, if the server is one of ours.
            return Optional.of(new Profile(found.value().getEffectiveName(), null, guild != null ? Set.of() : null));
        }
        if (unknown(found.failure(), ErrorResponse.UNKNOWN_USER)) {
            return Optional.empty();
        }
        throw unavailable("GET users/{id}", found.failure());
    }

    private void pace() {
        if (!pacer.acquire(callTimeout)) {
            throw new DirectoryUnavailableException("Discord: the pace of requests is taken by messages for now");
        }
    }

    private Guild guildOf(String workspaceId) {
        if (workspaceId == null || ChatUser.DIRECT_MESSAGE.equals(workspaceId)) {
            return null;
        }
        try {
            return guilds.apply(Long.parseUnsignedLong(workspaceId));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static boolean unknown(Calls.Failure failure, ErrorResponse what) {
        return failure instanceof Calls.Failure.Refused r && r.error().getErrorResponse() == what;
    }

    private static DirectoryUnavailableException unavailable(String route, Calls.Failure failure) {
        return new DirectoryUnavailableException("Discord " + route + ": " + Calls.describe(failure));
    }
}
