package dev.rapport.discord;

import dev.rapport.core.chat.ChatMessage;
import dev.rapport.core.chat.ChatUser;
import dev.rapport.core.chat.Form;
import dev.rapport.core.chat.InteractionResult;
import dev.rapport.core.chat.Platform;
import dev.rapport.core.command.CommandRequest;
import dev.rapport.core.command.CommandService;
import dev.rapport.core.command.Parameter;
import dev.rapport.core.command.Reply;
import dev.rapport.core.command.Subcommand;
import dev.rapport.core.interaction.InteractionService;
import dev.rapport.core.participant.ParticipantService;
import dev.rapport.core.participant.ParticipantView;
import dev.rapport.core.participant.Zones;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Phaser;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.Role;
import net.dv8tion.jda.api.events.interaction.ModalInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.CommandAutoCompleteInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.interactions.DiscordLocale;
import net.dv8tion.jda.api.interactions.Interaction;
import net.dv8tion.jda.api.interactions.InteractionHook;
import net.dv8tion.jda.api.interactions.callbacks.IReplyCallback;
import net.dv8tion.jda.api.interactions.commands.Command;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.requests.RestAction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Discord to the core: {@code /rapport} and its autocomplete, taps on Rapport's buttons, and submitted modals, as JDA
 * delivers them on the gateway.
 *
 * <p>Discord wants every interaction answered within 3 seconds, and JDA calls these handlers on the gateway's own
 * thread. So each handler does only what must happen first and hands the rest to a pool of virtual threads: a command
 * is deferred ({@code deferReply}, ephemeral, "Rapport is thinking…") and its reply follows; a tap is deferred as an
 * edit of its message ({@code deferEdit}) and the core's update follows; a button that opens a form is answered with
 * the modal at once, because Discord shows a modal only as the first answer to an interaction, never after a deferral.
 * Which form a button opens is known from its id alone ({@link InteractionService#formOpenedBy}); whether the person
 * may use it is checked on submission. Autocomplete answers at once from memory ({@link Zones#suggest}).
 *
 * <p>The work starts only once Discord has accepted the acknowledgement: an interaction Discord has already given up
 * on (the person saw "This interaction failed") is not acted on behind their back; they can simply try again. The
 * core's answers are idempotent, so a double tap records one answer.
 *
 * <p>Who acts: in a server, the member, with the facts the core decides authority from: the ids of the roles the
 * interaction says they hold ({@link ChatUser#roleIds()}, never role names) and whether they have Manage Server ({@link
 * ChatUser#maySetUp()}); in the bot's DMs, which belong to no server, the user under
 * {@link ChatUser#DIRECT_MESSAGE}, which the core matches by user id. A command run in the DMs is about the one
 * server the person takes part in, or, if they take part in several, refused with a request to run it there.
 */
final class DiscordInbound extends ListenerAdapter implements Restartable {

    /** The largest file taken as an option: 10,000 pairs' CSV lines are well under this. */
    static final int MAX_ATTACHMENT_BYTES = 2 * 1024 * 1024;

    /** Discord's limit on autocomplete choices. */
    static final int MAX_CHOICES = 25;

    static final String RESTARTING = "Rapport is restarting; please try again in a minute.";

    /** How long a shutdown waits for interactions in flight. */
    static final Duration FINISH = Duration.ofSeconds(10);

    private static final Logger log = LoggerFactory.getLogger(DiscordInbound.class);

    private final CommandService commands;
    private final InteractionService interactions;
    private final ParticipantService participants;
    private final DiscordCommands slash;
    private final DiscordReplies replies;
    private final DiscordModalRenderer modals = new DiscordModalRenderer();
    private static final String SETUP = "setup";
    private static final String ROLE = "role";

    /** The id of the role a programme set up without naming one is bound to, or null. */
    private final String coordinatorRole;

    private final Duration callTimeout;
    private volatile ExecutorService work = newWork();
    /** Interactions acknowledged (or being acknowledged) whose work is not done yet, and the inbound itself. */
    private volatile Phaser inFlight = new Phaser(1);

    private volatile boolean closing;

    DiscordInbound(
            CommandService commands,
            InteractionService interactions,
            ParticipantService participants,
            DiscordCommands slash,
            String coordinatorRole,
            Duration callTimeout) {
        this.commands = commands;
        this.interactions = interactions;
        this.participants = participants;
        this.slash = slash;
        this.replies = new DiscordReplies(callTimeout);
        this.coordinatorRole = coordinatorRole;
        this.callTimeout = callTimeout;
    }

    // ---- commands

    @Override
    public void onSlashCommandInteraction(SlashCommandInteractionEvent event) {
        if (!DiscordCommands.NAME.equals(event.getName()) || refuseWhileClosing(event)) {
            return;
        }
        ChatUser actor = actor(event);
        String name = event.getSubcommandName();
        acknowledged(event.deferReply(true), "/rapport " + name, false, hook -> {
            Optional<Subcommand> sub = slash.subcommand(name);
            if (sub.isEmpty()) {
                // Registered commands come from the core; this is an old registration Discord still shows.
                replies.reply(
                        hook, Reply.privately("I don't know `/rapport " + name + "` any more. Try `/rapport help`."));
                return;
            }
            Optional<ChatUser> who = inTheirServer(actor);
            if (who.isEmpty()) {
                replies.reply(hook, Reply.privately(severalServers()));
                return;
            }
            String attachment = null;
            Optional<Parameter> file = slash.fileParameter(sub.get());
            if (file.isPresent()) {
                OptionMapping given = event.getOption(file.get().name());
                if (given != null) {
                    Attached read = read(given.getAsAttachment());
                    if (read.problem() != null) {
                        replies.reply(hook, Reply.privately(read.problem()));
                        return;
                    }
                    attachment = read.text();
                }
            }
            String line = slash.commandLine(sub.get(), event);
            if (coordinatorRole != null && SETUP.equals(sub.get().name()) && event.getOption(ROLE) == null) {
                // The operator's default role, by id, for a programme set up without naming one.
                line = line + " role=<@&" + coordinatorRole + ">";
            }
            Reply reply = commands.handle(new CommandRequest(who.get(), line, attachment));
            replies.reply(hook, reply);
        });
    }

    @Override
    public void onCommandAutoCompleteInteraction(CommandAutoCompleteInteractionEvent event) {
        if (!DiscordCommands.NAME.equals(event.getName())) {
            return;
        }
        // Only time zones are autocompleted; the list is in memory, so this answers well within Discord's 3 s.
        List<Command.Choice> choices = Zones.suggest(event.getFocusedOption().getValue(), MAX_CHOICES).stream()
                .map(zone -> new Command.Choice(zone, zone))
                .toList();
        event.replyChoices(choices).queue(ok -> {}, e -> log.debug("Autocomplete answer refused: {}", e.toString()));
    }

    /** The person in the server a command is about: as they are, in a server; in the DMs, their one server's. */
    private Optional<ChatUser> inTheirServer(ChatUser actor) {
        if (!ChatUser.DIRECT_MESSAGE.equals(actor.workspaceId())) {
            return Optional.of(actor);
        }
        List<String> servers = participants.findEverywhere(actor).stream()
                .filter(p -> !p.hasLeft())
                .map(ParticipantView::workspaceId)
                .distinct()
                .toList();
        if (servers.size() > 1) {
            return Optional.empty();
        }
        String server = servers.isEmpty() ? ChatUser.DIRECT_MESSAGE : servers.getFirst();
        // Discord says nothing of anyone's roles in a DM: the core then grants nothing through roles.
        return Optional.of(new ChatUser(
                Platform.DISCORD, server, actor.userId(), actor.displayName(), false, null, actor.locale()));
    }

    private static String severalServers() {
        return "You take part in Rapport in more than one server, so I can't tell which one this is about. Please run"
                + " the command in that server.";
    }

    private record Attached(String text, String problem) {}

    /** The text of an attached file, or a friendly reason why not; bounded in size and time. */
    private Attached read(Message.Attachment file) {
        if (file.getSize() > MAX_ATTACHMENT_BYTES) {
            return new Attached(null, "That file is over 2 MB; split it into smaller imports.");
        }
        try (InputStream in = file.getProxy().download().get(callTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
            byte[] bytes = in.readNBytes(MAX_ATTACHMENT_BYTES + 1);
            if (bytes.length > MAX_ATTACHMENT_BYTES) {
                return new Attached(null, "That file is over 2 MB; split it into smaller imports.");
            }
            return new Attached(new String(bytes, StandardCharsets.UTF_8), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Attached(null, "I could not read the file in time; please try again.");
        } catch (Exception e) {
            // The exception may carry the file's URL: only its type is logged.
            log.warn("Downloading an attachment failed: {}", e.getClass().getSimpleName());
            return new Attached(null, "I could not read the file from Discord; please attach it again.");
        }
    }

    // ---- buttons and forms

    @Override
    public void onButtonInteraction(ButtonInteractionEvent event) {
        String actionId = event.getComponentId();
        if (!actionId.startsWith("rapport:") || refuseWhileClosing(event)) {
            return;
        }
        Optional<Form> form = InteractionService.formOpenedBy(actionId);
        if (form.isPresent()) {
            event.replyModal(modals.modal(form.get()))
                    .queue(ok -> {}, e -> log.warn("Discord refused a modal: {}", e.toString()));
            return;
        }
        ChatUser actor = actor(event);
        acknowledged(event.deferEdit(), "a button", true, hook -> {
            InteractionResult result = interactions.click(actor, actionId);
            apply(hook, result, true);
        });
    }

    @Override
    public void onModalInteraction(ModalInteractionEvent event) {
        String formId = event.getModalId();
        if (!formId.startsWith("rapport:") || refuseWhileClosing(event)) {
            return;
        }
        ChatUser actor = actor(event);
        Map<String, String> values = modals.values(event.getValues());
        // A modal opened from a message's button edits that message; one without a message gets a reply of its own.
        boolean fromMessage = event.getMessage() != null;
        Work task = hook -> {
            InteractionResult result = interactions.submit(actor, formId, values);
            apply(hook, result, fromMessage);
        };
        acknowledged(fromMessage ? event.deferEdit() : event.deferReply(true), "a form", fromMessage, task);
    }

    /** Does what the core decided after a tap or a submission: edit the message, tell the person something. */
    private void apply(InteractionHook hook, InteractionResult result, boolean editsMessage) {
        if (result.updatedMessage() != null) {
            replies.update(hook, result.updatedMessage());
        }
        if (result.notice() != null) {
            if (!editsMessage && result.updatedMessage() == null) {
                replies.update(hook, ChatMessage.text(result.notice()));
            } else {
                replies.notice(hook, result.notice());
            }
        }
        if (result.form() != null) {
            // Only a button can open a modal, and only as its first answer; formOpenedBy knows every such button.
            log.warn(
                    "The core asked to open form {} after a deferral; the person is asked to tap again",
                    result.form().formId());
            replies.notice(hook, "Please tap the button again to open the form.");
        } else if (!editsMessage && result.updatedMessage() == null && result.notice() == null) {
            replies.update(hook, ChatMessage.text("Done."));
        }
    }

    // ---- who acts

    private ChatUser actor(Interaction interaction) {
        var user = interaction.getUser();
        Member member = interaction.getMember();
        if (interaction.getGuild() == null || member == null) {
            return new ChatUser(
                    Platform.DISCORD,
                    ChatUser.DIRECT_MESSAGE,
                    user.getId(),
                    user.getEffectiveName(),
                    false,
                    null,
                    locale(interaction));
        }
        return new ChatUser(
                Platform.DISCORD,
                interaction.getGuild().getId(),
                user.getId(),
                DiscordCommands.clean(member.getEffectiveName()),
                manageServer(member),
                roleIds(member),
                locale(interaction));
    }

    /**
     * The language of the person's Discord client, which every interaction carries ({@code locale}, e.g. {@code es-ES});
     * the core keeps it for the messages it writes to them. Discord tells it only when they interact.
     */
    private static String locale(Interaction interaction) {
        DiscordLocale locale = interaction.getUserLocale();
        return locale == null || locale == DiscordLocale.UNKNOWN ? null : locale.getLocale();
    }

    /** Whether the member may manage the server (Administrator includes it): the core lets them set programmes up. */
    static boolean manageServer(Member member) {
        try {
            return member.hasPermission(Permission.MANAGE_SERVER);
        } catch (RuntimeException e) {
            // Permissions unknown: the person is treated as a member, never as more.
            log.debug("Could not read a member's permissions: {}", e.toString());
            return false;
        }
    }

    /** The ids of the roles the member holds, as this interaction reports them: never their names. */
    static Set<String> roleIds(Member member) {
        try {
            Set<String> ids = new HashSet<>();
            for (Role role : member.getRoles()) {
                ids.add(role.getId());
            }
            return ids;
        } catch (RuntimeException e) {
            log.debug("Could not read a member's roles: {}", e.toString());
            return Set.of();
        }
    }

    // ---- the work after the acknowledgement

    private interface Work {
        void run(InteractionHook hook) throws Exception;
    }

    /**
     * Sends the acknowledgement and, once Discord has accepted it, does the work on a virtual thread. The interaction
     * counts as in flight from here until its work is done, so a shutdown waits for it.
     */
    private void acknowledged(RestAction<InteractionHook> ack, String what, boolean editsMessage, Work task) {
        // The phaser of this connection: a restart makes a new one, and this interaction belongs to the old.
        Phaser phaser = inFlight;
        phaser.register();
        try {
            ack.queue(hook -> submit(what, hook, editsMessage, task, phaser), e -> {
                phaser.arriveAndDeregister();
                log.warn("Discord refused to acknowledge {}: {}", what, e.toString());
            });
        } catch (RuntimeException e) {
            // JDA refuses new requests once it is shutting down.
            phaser.arriveAndDeregister();
            log.warn("Could not acknowledge {}: {}", what, e.toString());
        }
    }

    /**
     * Runs {@code task} on a virtual thread. An unexpected failure is logged with a short reference, and the person
     * gets that reference, never a stack trace. Called on JDA's callback thread, which must not wait.
     */
    private void submit(String what, InteractionHook hook, boolean editsMessage, Work task, Phaser phaser) {
        try {
            work.execute(() -> {
                try {
                    task.run(hook);
                } catch (Exception e) {
                    String reference = UUID.randomUUID().toString().substring(0, 8);
                    log.error("Discord {} failed (reference {})", what, reference, e);
                    String text = "Sorry, something went wrong on our side and that did not finish. If it happens"
                            + " again, give your coordinator or administrator this reference: " + reference + ".";
                    if (editsMessage) {
                        replies.notice(hook, text);
                    } else {
                        replies.update(hook, ChatMessage.text(text));
                    }
                } finally {
                    phaser.arriveAndDeregister();
                }
            });
        } catch (RejectedExecutionException e) {
            phaser.arriveAndDeregister();
            log.warn("Discord {} arrived after Rapport's work had stopped", what);
            hook.sendMessage(RESTARTING).setEphemeral(true).queue(ok -> {}, failed -> {});
        }
    }

    /** While shutting down, a new interaction is told so at once instead of being left to fail. */
    private boolean refuseWhileClosing(IReplyCallback event) {
        if (!closing) {
            return false;
        }
        event.reply(RESTARTING).setEphemeral(true).queue(ok -> {}, e -> {});
        return true;
    }

    private static ExecutorService newWork() {
        return Executors.newThreadPerTaskExecutor(
                Thread.ofVirtual().name("discord-inbound-", 0).factory());
    }

    @Override
    public synchronized void open() {
        if (closing) {
            work = newWork();
            inFlight = new Phaser(1);
            closing = false;
        }
    }

    /**
     * Refuses new interactions and lets those already acknowledged, or being acknowledged, finish their work, answers
     * included (up to {@link #FINISH}), so a graceful shutdown loses no answer.
     */
    @Override
    public synchronized void close() {
        if (closing) {
            return;
        }
        closing = true;
        Phaser inFlight = this.inFlight;
        ExecutorService work = this.work;
        long deadline = System.nanoTime() + FINISH.toNanos();
        try {
            // The inbound itself is a party of its own: once it arrives, the phase ends when the last interaction does.
            int phase = inFlight.arriveAndDeregister();
            inFlight.awaitAdvanceInterruptibly(phase, FINISH.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            log.warn("Discord work still running after {} s at shutdown; stopping it", FINISH.toSeconds());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IllegalStateException e) {
            // Closed before: nothing is in flight any more.
        }
        work.shutdown();
        try {
            long left = Math.max(0, deadline - System.nanoTime());
            if (!work.awaitTermination(left, TimeUnit.NANOSECONDS)) {
                work.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            work.shutdownNow();
        }
    }
}
