package dev.rapport.discord;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.events.guild.GuildJoinEvent;
import net.dv8tion.jda.api.events.guild.GuildReadyEvent;
import net.dv8tion.jda.api.events.session.ReadyEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import net.dv8tion.jda.api.requests.ErrorResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registers {@code /rapport} with Discord when a shard is ready: once for the application ({@code global} scope, by
 * the instance that runs shard 0, which every deployment has exactly once), or in each server as its shard sees it
 * ({@code guild} scope, and again when the bot joins a server; the instance with shard 0 then also removes a global
 * registration left from an earlier setting).
 *
 * <p>Registration is a bulk overwrite ({@code PUT …/commands}) with the one command Rapport has: Discord counts only
 * commands that did not exist yet against its daily limit of command creations, so doing it at every start costs one
 * request per scope and keeps the options in step with the core. The requests share the pace of the direct messages
 * ({@link DiscordPacer}); they run off the gateway's thread, which must never wait.
 */
final class DiscordRegistrar extends ListenerAdapter implements Restartable {

    private static final Logger log = LoggerFactory.getLogger(DiscordRegistrar.class);

    private final boolean global;
    private final SlashCommandData command;
    private final DiscordPacer pacer;
    private final Duration callTimeout;
    private volatile ExecutorService work = newWork();

    DiscordRegistrar(boolean global, SlashCommandData command, DiscordPacer pacer, Duration callTimeout) {
        this.global = global;
        this.command = command;
        this.pacer = pacer;
        this.callTimeout = callTimeout;
    }

    @Override
    public void onReady(ReadyEvent event) {
        if (event.getJDA().getShardInfo().getShardId() != 0) {
            return;
        }
        run(() -> {
            pace();
            if (global) {
                Calls.Outcome<?> done =
                        Calls.await(event.getJDA().updateCommands().addCommands(command), callTimeout);
                report("globally", done);
            } else {
                // Registered per server now: a global copy left from an earlier setting would show /rapport twice.
                Calls.Outcome<?> done = Calls.await(event.getJDA().updateCommands(), callTimeout);
                if (!done.ok()) {
                    log.warn("Could not remove a global /{}: {}", DiscordCommands.NAME, Calls.describe(done.failure()));
                }
            }
        });
    }

    @Override
    public void onGuildReady(GuildReadyEvent event) {
        registerIn(event.getGuild());
    }

    @Override
    public void onGuildJoin(GuildJoinEvent event) {
        registerIn(event.getGuild());
    }

    private void registerIn(Guild guild) {
        if (global) {
            return;
        }
        run(() -> {
            pace();
            Calls.Outcome<?> done = Calls.await(guild.updateCommands().addCommands(command), callTimeout);
            report("in server " + guild.getId(), done);
        });
    }

    private void pace() {
        // Registration can wait its turn: a send that finds the pace taken gives up, this keeps trying.
        while (!pacer.acquire(callTimeout)) {
            if (Thread.currentThread().isInterrupted()) {
                return;
            }
        }
    }

    private static void report(String where, Calls.Outcome<?> done) {
        if (done.ok()) {
            log.info("Registered /{} {}", DiscordCommands.NAME, where);
        } else if (done.failure() instanceof Calls.Failure.Refused r
                && r.error().getErrorResponse() == ErrorResponse.MISSING_ACCESS) {
            log.warn(
                    "Discord refused to register /{} {}: invite the bot with the applications.commands scope"
                            + " (deploy/discord/README.md has the invite URL)",
                    DiscordCommands.NAME,
                    where);
        } else {
            log.warn(
                    "Could not register /{} {}: {}; it is registered again at the next start",
                    DiscordCommands.NAME,
                    where,
                    Calls.describe(done.failure()));
        }
    }

    private void run(Runnable task) {
        try {
            work.execute(task);
        } catch (RejectedExecutionException e) {
            log.debug("Command registration skipped: shutting down");
        }
    }

    private static ExecutorService newWork() {
        return Executors.newThreadPerTaskExecutor(
                Thread.ofVirtual().name("discord-commands-", 0).factory());
    }

    @Override
    public synchronized void open() {
        if (work.isShutdown()) {
            work = newWork();
        }
    }

    @Override
    public synchronized void close() {
        ExecutorService work = this.work;
        work.shutdownNow();
        try {
            work.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
