package dev.rapport.discord;

import dev.rapport.core.chat.ChatMessage;
import dev.rapport.core.chat.ChatUser;
import dev.rapport.core.chat.Form;
import dev.rapport.core.chat.InteractionResult;
import dev.rapport.core.command.CommandRequest;
import dev.rapport.core.command.CommandService;
import dev.rapport.core.command.Parameter;
import dev.rapport.core.command.Reply;
import dev.rapport.core.command.Subcommand;
import dev.rapport.core.i18n.Catalogue;
import dev.rapport.core.i18n.Languages;
import dev.rapport.core.inbound.InboundWork;
import dev.rapport.core.interaction.InteractionService;
import dev.rapport.core.participant.ParticipantLanguages;
import dev.rapport.core.participant.ParticipantService;
import dev.rapport.core.participant.Zones;
import dev.rapport.discord.DiscordAttachments.Attached;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import net.dv8tion.jda.api.events.interaction.ModalInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.CommandAutoCompleteInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.StringSelectInteractionEvent;
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
 * thread. So each handler does only what must happen first and hands the rest to the core's {@link InboundWork}: a
 * command is deferred ({@code deferReply}, ephemeral, "Rapport is thinking…") and its reply follows; a tap is deferred
 * as an edit of its message ({@code deferEdit}) and the core's update follows; a button that opens a form is answered with
 * the modal at once, because Discord shows a modal only as the first answer to an interaction, never after a deferral.
 * Which form a button opens is known from its id alone ({@link InteractionService#formOpenedBy}); whether the person
 * may use it is checked on submission. Autocomplete answers at once from memory ({@link Zones#suggest}).
 *
 * <p>The work starts only once Discord has accepted the acknowledgement: an interaction Discord has already given up
 * on (the person saw "This interaction failed") is not acted on behind their back; they can simply try again. The
 * core's answers are idempotent, so a double tap records one answer.
 *
 * <p>Who acts is read by {@link DiscordActors}; a file attached to a command by {@link DiscordAttachments}.
 */
final class DiscordInbound extends ListenerAdapter implements Restartable {

    /** Discord's limit on autocomplete choices. */
    static final int MAX_CHOICES = 25;

    static final String RESTARTING = "discord.restarting";

    private static final Catalogue CATALOGUE = Catalogue.standard();

    /** How long a shutdown waits for interactions in flight. */
    static final Duration FINISH = Duration.ofSeconds(10);

    private static final Logger log = LoggerFactory.getLogger(DiscordInbound.class);

    private final CommandService commands;
    private final InteractionService interactions;
    private final ParticipantLanguages languages;
    private final DiscordActors actors;
    private final DiscordAttachments attachments;
    private final DiscordCommands slash;
    private final DiscordReplies replies;
    private final DiscordModalRenderer modals = new DiscordModalRenderer();
    private static final String SETUP = "setup";
    private static final String ROLE = "role";

    /** The id of the role a programme set up without naming one is bound to, or null. */
    private final String coordinatorRole;

    /** Interactions acknowledged (or being acknowledged) and their work. */
    private final InboundWork work = new InboundWork("Discord", InboundWork.DEFAULT_CONCURRENCY, FINISH);

    DiscordInbound(
            CommandService commands,
            InteractionService interactions,
            ParticipantService participants,
            ParticipantLanguages languages,
            DiscordCommands slash,
            String coordinatorRole,
            Duration callTimeout) {
        this.commands = commands;
        this.interactions = interactions;
        this.languages = languages;
        this.actors = new DiscordActors(participants);
        this.attachments = new DiscordAttachments(callTimeout);
        this.slash = slash;
        this.replies = new DiscordReplies(callTimeout);
        this.coordinatorRole = coordinatorRole;
    }

    // ---- commands

    @Override
    public void onSlashCommandInteraction(SlashCommandInteractionEvent event) {
        if (!DiscordCommands.NAME.equals(event.getName()) || refuseWhileClosing(event)) {
            return;
        }
        ChatUser actor = actor(event);
        String group = event.getSubcommandGroup();
        String name = event.getSubcommandName();
        acknowledged(event.deferReply(true), "/rapport " + name, actor, false, hook -> {
            Locale language = languages.languageOf(actor);
            Optional<Subcommand> sub = slash.subcommand(group, name);
            if (sub.isEmpty()) {
                // Registered commands come from the core; this is an old registration Discord still shows.
                replies.reply(
                        hook,
                        Reply.privately(CATALOGUE.text(language, "discord.unknown-command", "name", name)),
                        language);
                return;
            }
            Optional<ChatUser> who = inTheirServer(actor);
            if (who.isEmpty()) {
                replies.reply(hook, Reply.privately(CATALOGUE.text(language, DiscordActors.SEVERAL_SERVERS)), language);
                return;
            }
            String attachment = null;
            Optional<Parameter> file = slash.fileParameter(sub.get());
            if (file.isPresent()) {
                OptionMapping given = event.getOption(file.get().name());
                if (given != null) {
                    Attached read = attachments.read(given.getAsAttachment(), language);
                    if (read.problem() != null) {
                        replies.reply(hook, Reply.privately(read.problem()), language);
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
            // Asked again: the command may have changed it (/rapport language).
            replies.reply(hook, reply, languages.languageOf(who.get()));
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

    private Optional<ChatUser> inTheirServer(ChatUser actor) {
        return actors.inTheirServer(actor);
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
        acknowledged(event.deferEdit(), "a button", actor, true, hook -> {
            InteractionResult result = interactions.click(actor, actionId);
            apply(hook, result, true, languages.languageOf(actor));
        });
    }

    /**
     * A choice in a rating scale's select menu: the picked option's value is the core's action id (the menu's own id
     * only names it), handled as the tap on a button would be.
     */
    @Override
    public void onStringSelectInteraction(StringSelectInteractionEvent event) {
        if (!event.getComponentId().startsWith("rapport:") || refuseWhileClosing(event)) {
            return;
        }
        String actionId = event.getValues().isEmpty() ? "" : event.getValues().getFirst();
        ChatUser actor = actor(event);
        acknowledged(event.deferEdit(), "a select menu", actor, true, hook -> {
            InteractionResult result = interactions.click(actor, actionId);
            apply(hook, result, true, languages.languageOf(actor));
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
            apply(hook, result, fromMessage, languages.languageOf(actor));
        };
        acknowledged(fromMessage ? event.deferEdit() : event.deferReply(true), "a form", actor, fromMessage, task);
    }

    /** Does what the core decided after a tap or a submission: edit the message, tell the person something. */
    private void apply(InteractionHook hook, InteractionResult result, boolean editsMessage, Locale language) {
        if (result.updatedMessage() != null) {
            replies.update(hook, result.updatedMessage(), language);
        }
        if (result.notice() != null) {
            if (!editsMessage && result.updatedMessage() == null) {
                replies.update(hook, ChatMessage.text(result.notice()), language);
            } else {
                replies.notice(hook, result.notice(), language);
            }
        }
        if (result.reply() != null) {
            replies.privately(hook, result.reply(), language);
        }
        if (result.form() != null) {
            // Only a button can open a modal, and only as its first answer; formOpenedBy knows every such button.
            log.warn(
                    "The core asked to open form {} after a deferral; the person is asked to tap again",
                    result.form().formId());
            replies.notice(hook, CATALOGUE.text(language, "discord.tap-again"), language);
        } else if (!editsMessage
                && result.updatedMessage() == null
                && result.notice() == null
                && result.reply() == null) {
            replies.update(hook, ChatMessage.text(CATALOGUE.text(language, "discord.done")), language);
        }
    }

    private static ChatUser actor(Interaction interaction) {
        return DiscordActors.actor(interaction);
    }

    // ---- the work after the acknowledgement

    private interface Work {
        void run(InteractionHook hook) throws Exception;
    }

    /**
     * Sends the acknowledgement and, once Discord has accepted it, does the work. The interaction counts as in flight
     * from here until its work is done, so a shutdown waits for it. An unexpected failure reaches the person as the
     * reference {@link InboundWork} makes, in the person's language: beside the message a tap edits, or as the deferred
     * reply.
     */
    private void acknowledged(
            RestAction<InteractionHook> ack, String what, ChatUser actor, boolean editsMessage, Work task) {
        // Empty once closing has begun: the interaction is then acknowledged and told to try again.
        Optional<InboundWork.Ticket> ticket = work.begin();
        try {
            ack.queue(
                    hook -> {
                        boolean taken = ticket.isPresent()
                                && ticket.get().run(what, () -> task.run(hook), error -> {
                                    Locale language = languages.languageOrRequestLocale(actor);
                                    String text = CATALOGUE.text(language, error);
                                    if (editsMessage) {
                                        replies.notice(hook, text, language);
                                    } else {
                                        replies.update(hook, ChatMessage.text(text), language);
                                    }
                                });
                        if (!taken) {
                            hook.sendMessage(restarting(actor.locale()))
                                    .setEphemeral(true)
                                    .queue(ok -> {}, failed -> {});
                        }
                    },
                    e -> {
                        ticket.ifPresent(InboundWork.Ticket::cancel);
                        log.warn("Discord refused to acknowledge {}: {}", what, e.toString());
                    });
        } catch (RuntimeException e) {
            // JDA refuses new requests once it is shutting down.
            ticket.ifPresent(InboundWork.Ticket::cancel);
            log.warn("Could not acknowledge {}: {}", what, e.toString());
        }
    }

    /** While shutting down, a new interaction is told so at once instead of being left to fail. */
    private boolean refuseWhileClosing(IReplyCallback event) {
        if (!work.closing()) {
            return false;
        }
        DiscordLocale locale = event.getUserLocale();
        event.reply(restarting(locale == null ? null : locale.getLocale()))
                .setEphemeral(true)
                .queue(ok -> {}, e -> {});
        return true;
    }

    /**
     * "Rapport is restarting", in the language of the person's Discord client: while closing, the database is not asked
     * for their choice.
     */
    private static String restarting(String locale) {
        return CATALOGUE.text(Languages.match(locale).orElse(Languages.ENGLISH), RESTARTING);
    }

    @Override
    public void open() {
        work.open();
    }

    /**
     * Refuses new interactions and lets those already acknowledged, or being acknowledged, finish their work, answers
     * included (up to {@link #FINISH}), so a graceful shutdown loses no answer.
     */
    @Override
    public void close() {
        work.close();
    }
}
