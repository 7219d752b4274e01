package dev.rapport.slack;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;
import com.slack.api.app_backend.views.payload.ViewSubmissionPayload;
import com.slack.api.bolt.App;
import com.slack.api.bolt.context.Context;
import com.slack.api.model.event.UserChangeEvent;
import com.slack.api.model.view.View;
import dev.rapport.core.chat.ChatMessage;
import dev.rapport.core.chat.ChatUser;
import dev.rapport.core.chat.Form;
import dev.rapport.core.chat.InteractionResult;
import dev.rapport.core.chat.Platform;
import dev.rapport.core.command.CommandRequest;
import dev.rapport.core.command.CommandService;
import dev.rapport.core.command.Reply;
import dev.rapport.core.i18n.Catalogue;
import dev.rapport.core.i18n.Text;
import dev.rapport.core.inbound.InboundWork;
import dev.rapport.core.interaction.InboundEvents;
import dev.rapport.core.interaction.InteractionService;
import dev.rapport.core.participant.ParticipantLanguages;
import dev.rapport.core.participant.ParticipantService;
import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Slack to the core: the {@code /rapport} command, taps on Rapport's buttons, submitted modals and the events Rapport
 * listens to ({@code user_change}), registered on a Bolt {@link App}.
 *
 * <p>Slack wants every command and interaction acknowledged within 3 seconds, and Bolt acknowledges when a handler
 * returns. So each handler does only what must happen before the acknowledgement and hands the rest to the core's
 * {@link InboundWork}: the acknowledgement never waits for the database, however slow a command is (programme health
 * over 10,000 pairs takes about two seconds). The answer follows through the command's {@code response_url}, an
 * update of the clicked message, or a private note. The one thing done before acknowledging is opening a modal:
 * Slack's {@code trigger_id} expires 3 seconds after the tap, and which form a button opens is known from its
 * action id alone ({@link InteractionService#formOpenedBy}); whether the person may use it is checked on submission.
 * {@code /rapport import} has a modal of its own ({@link SlackImport}).
 *
 * <p>Events that Slack redelivers (it retries when it thinks an acknowledgement was lost) are recognised by their
 * {@code event_id} across instances ({@link InboundEvents}) and handled once. Clicks and commands need no such
 * guard: the core records the same answer twice as one.
 */
final class SlackInbound implements AutoCloseable {

    /** The subcommand whose file Slack takes through a form. */
    private static final String IMPORT = "import";

    /** The answer to a tap on a button this version of Rapport no longer has (a message from an older one). */
    static final String OUT_OF_DATE = "slack.out-of-date";

    private static final Catalogue CATALOGUE = Catalogue.standard();

    private static final Logger log = LoggerFactory.getLogger(SlackInbound.class);

    /**
     * Every action and view id Rapport puts in a message. Bolt keeps its handlers in a hash map and runs the first
     * whose pattern matches in the map's order, not in the order they were registered, so overlapping patterns would
     * pick a handler at random: one handler takes every {@code rapport:} id and decides itself, out-of-date ids
     * included.
     */
    private static final Pattern RAPPORT_IDS = Pattern.compile("^rapport:.*", Pattern.DOTALL);

    /** Any other action id: none of Rapport's messages carries one now, so it can only come from an older message. */
    private static final Pattern OTHER_IDS = Pattern.compile("^(?!rapport:).*", Pattern.DOTALL);

    private final CommandService commands;
    private final InteractionService interactions;
    private final InboundEvents events;
    private final ParticipantService participants;
    private final ParticipantLanguages languages;
    private final SlackPeople people;
    private final SlackDirectory directory;
    private final SlackReplies replies;
    /** Reads submitted modals; a modal to open is rendered in its reader's language. */
    private final ModalRenderer modals = new ModalRenderer();

    private final InboundWork work = new InboundWork("Slack");
    private final SlackModalOpener opener = new SlackModalOpener(work);
    private final SlackImport imports;

    SlackInbound(
            CommandService commands,
            InteractionService interactions,
            InboundEvents events,
            ParticipantService participants,
            ParticipantLanguages languages,
            SlackDirectory directory,
            SlackSetupRights setupRights,
            SlackReplies replies) {
        this.commands = commands;
        this.interactions = interactions;
        this.events = events;
        this.participants = participants;
        this.languages = languages;
        this.directory = directory;
        this.people = new SlackPeople(directory, setupRights);
        this.replies = replies;
        this.imports = new SlackImport(commands, languages, people, replies, opener);
    }

    /** Registers the handlers on a Bolt app, for the slash command {@code command} (normally {@code /rapport}). */
    void register(App app, String command) {
        app.command(command, (req, ctx) -> {
            SlashCommandPayload p = req.getPayload();
            String text = p.getText() == null ? "" : p.getText().strip();
            Optional<CommandService.Invocation> named = commands.find(text)
                    .filter(found -> found.subcommand().name().equals(IMPORT));
            if (named.isPresent()) {
                // The form is opened at once, while Slack's trigger is valid; and only for someone the import serves.
                ChatUser actor = people.actor(p.getTeamId(), p.getUserId(), p.getUserName());
                Optional<Reply> refused = commands.refusal(new CommandRequest(actor, text));
                Locale language = languages.languageOf(actor);
                if (refused.isPresent()) {
                    work.submit(
                            "/rapport import",
                            () -> replies.respond(
                                    ctx.getResponseUrl(), ctx.getBotToken(), p.getUserId(), refused.get(), language),
                            error -> {});
                } else {
                    imports.openForm(ctx, p, String.join(" ", named.get().arguments()), language);
                }
                return ctx.ack();
            }
            work.submit("/rapport " + firstWord(text), () -> runCommand(ctx, p, text), error -> {
                Locale language = languageOf(p.getTeamId(), p.getUserId());
                replies.respond(
                        ctx.getResponseUrl(),
                        ctx.getBotToken(),
                        p.getUserId(),
                        Reply.privately(CATALOGUE.text(language, error)),
                        language);
            });
            return ctx.ack();
        });
        app.blockAction(RAPPORT_IDS, (req, ctx) -> {
            BlockActionPayload p = req.getPayload();
            if (p.getActions() == null || p.getActions().isEmpty() || p.getUser() == null) {
                return ctx.ack();
            }
            // The button's value is the core's action id exactly; its action_id may carry a suffix the renderer added
            // to
            // keep ids unique within a block.
            BlockActionPayload.Action action = p.getActions().getFirst();
            String actionId = action.getValue() != null && action.getValue().startsWith("rapport:")
                    ? action.getValue()
                    : action.getActionId();
            String channel = p.getContainer() == null ? null : p.getContainer().getChannelId();
            String ts = p.getContainer() == null ? null : p.getContainer().getMessageTs();
            String teamId = teamOf(p);
            if (!InteractionService.recognises(actionId)) {
                String token = ctx.getBotToken();
                String userId = p.getUser().getId();
                String handle = p.getUser().getUsername();
                work.submit(
                        "an out-of-date button", () -> outOfDate(token, channel, teamId, userId, handle), error -> {});
                return ctx.ack();
            }
            Optional<Form> form = InteractionService.formOpenedBy(actionId);
            if (form.isPresent()) {
                // Only the database is asked (no Slack call) before the trigger expires: the language recorded for
                // them.
                Locale language = languageOf(teamId, p.getUser().getId());
                openForm(ctx, p.getTriggerId(), form.get(), channel + "|" + ts, language);
                return ctx.ack();
            }
            String userId = p.getUser().getId();
            String handle = p.getUser().getUsername();
            String token = ctx.getBotToken();
            work.submit(
                    "a button",
                    () -> {
                        ChatUser actor = people.actor(teamId, userId, handle);
                        InteractionResult result = interactions.click(actor, actionId);
                        apply(token, channel, ts, userId, result, languages.languageOf(actor));
                    },
                    error -> {
                        Locale language = languageOf(teamId, userId);
                        replies.notice(token, channel, userId, CATALOGUE.text(language, error), language);
                    });
            return ctx.ack();
        });
        app.blockAction(OTHER_IDS, (req, ctx) -> {
            BlockActionPayload p = req.getPayload();
            if (p.getUser() != null) {
                String token = ctx.getBotToken();
                String channel =
                        p.getContainer() == null ? null : p.getContainer().getChannelId();
                String teamId = teamOf(p);
                String userId = p.getUser().getId();
                String handle = p.getUser().getUsername();
                work.submit(
                        "an out-of-date button", () -> outOfDate(token, channel, teamId, userId, handle), error -> {});
            }
            return ctx.ack();
        });
        app.viewSubmission(RAPPORT_IDS, (req, ctx) -> {
            ViewSubmissionPayload p = req.getPayload();
            View view = p.getView();
            String teamId =
                    p.getTeam() != null ? p.getTeam().getId() : p.getUser().getTeamId();
            String userId = p.getUser().getId();
            String handle = p.getUser().getUsername();
            String token = ctx.getBotToken();
            if (SlackImport.FORM.equals(view.getCallbackId())) {
                Optional<String> missing = SlackImport.problem(view.getState(), () -> languageOf(teamId, userId));
                if (missing.isPresent()) {
                    return ctx.ackWithErrors(Map.of(SlackImport.FILE, missing.get()));
                }
                work.submit(
                        "/rapport import",
                        () -> imports.run(teamId, userId, handle, token, view),
                        error -> tellFailure(token, teamId, userId, error));
                return ctx.ack();
            }
            Map<String, String> values = modals.values(view.getState());
            Map<String, String> tooLong = InteractionService.formSubmittedAs(view.getCallbackId())
                    .map(form -> form.tooLong(values, languageOf(teamId, userId)))
                    .orElse(Map.of());
            if (!tooLong.isEmpty()) {
                // Shown under the field, with the modal still open and the text kept: nothing is lost. The core checks
                // the form's limits again; this only spares a round trip.
                return ctx.ackWithErrors(tooLong);
            }
            String[] message = split(view.getPrivateMetadata());
            work.submit(
                    "a form",
                    () -> {
                        ChatUser actor = people.actor(teamId, userId, handle);
                        InteractionResult r = interactions.submit(actor, view.getCallbackId(), values);
                        apply(token, message[0], message[1], userId, r, languages.languageOf(actor));
                    },
                    error -> tellFailure(token, teamId, userId, error));
            return ctx.ack();
        });
        app.event(UserChangeEvent.class, (payload, ctx) -> {
            UserChangeEvent event = payload.getEvent();
            if (event.getUser() == null || !events.firstDelivery(Platform.SLACK, payload.getEventId())) {
                return ctx.ack();
            }
            String teamId = Optional.ofNullable(event.getUser().getTeamId()).orElse(payload.getTeamId());
            work.submit(
                    "user_change",
                    () -> {
                        directory.remember(teamId, event.getUser());
                        var profile = SlackDirectory.profileOf(event.getUser());
                        participants.profileChanged(
                                ChatUser.of(
                                        Platform.SLACK, teamId, event.getUser().getId(), profile.displayName()),
                                profile.timeZone());
                    },
                    error -> {});
            return ctx.ack();
        });
    }

    // ---- commands

    private void runCommand(
            com.slack.api.bolt.context.builtin.SlashCommandContext ctx, SlashCommandPayload p, String text)
            throws IOException {
        ChatUser actor = people.actor(p.getTeamId(), p.getUserId(), p.getUserName());
        Reply reply = commands.handle(new CommandRequest(actor, people.withNames(p.getTeamId(), text)));
        replies.respond(ctx.getResponseUrl(), ctx.getBotToken(), p.getUserId(), reply, languages.languageOf(actor));
    }

    // ---- interactions

    private void openForm(Context ctx, String triggerId, Form form, String metadata, Locale language) {
        opener.open(ctx, triggerId, new ModalRenderer(language).modal(form, metadata), () -> {});
    }

    /** Does what the core decided after a tap or a submission: update the message, say something privately. */
    private void apply(
            String token, String channel, String ts, String userId, InteractionResult result, Locale language) {
        if (result.updatedMessage() != null && channel != null && ts != null && !"null".equals(ts)) {
            replies.update(token, channel, ts, result.updatedMessage(), language);
        }
        if (result.reply() != null) {
            // What a command would have answered: in the person's own DM with Rapport, which only they see.
            try {
                replies.directMessage(token, userId, result.reply(), language);
            } catch (IOException e) {
                log.warn("Could not send a reply to a tap: {}", e.getClass().getSimpleName());
            }
        }
        if (result.notice() != null && channel != null && !"null".equals(channel)) {
            replies.notice(token, channel, userId, result.notice(), language);
        } else if (result.notice() != null) {
            try {
                replies.directMessage(token, userId, ChatMessage.text(result.notice()), language);
            } catch (IOException e) {
                log.warn("Could not send a notice: {}", e.getClass().getSimpleName());
            }
        }
    }

    /**
     * Tells someone, in their language, that the button they tapped is from a message too old to work: beside that
     * message, or in their DM where there is none.
     */
    private void outOfDate(String token, String channel, String teamId, String userId, String handle)
            throws IOException {
        Locale language = languages.languageOf(people.actor(teamId, userId, handle));
        String text = CATALOGUE.text(language, OUT_OF_DATE);
        if (channel != null && !"null".equals(channel)) {
            replies.notice(token, channel, userId, text, language);
        } else {
            replies.directMessage(token, userId, ChatMessage.text(text), language);
        }
    }

    /** Tells someone in their DM, in their language, that what they submitted failed ({@code error} has the reference). */
    private void tellFailure(String token, String teamId, String userId, Text error) throws IOException {
        Locale language = languageOf(teamId, userId);
        replies.directMessage(token, userId, ChatMessage.text(CATALOGUE.text(language, error)), language);
    }

    /**
     * The language recorded for someone (their choice, else their Slack locale as last read, else their programme's),
     * from the database alone: for answers that cannot wait for Slack's directory, or that report a failure.
     */
    private Locale languageOf(String teamId, String userId) {
        return languages.languageOrRequestLocale(ChatUser.of(Platform.SLACK, teamId, userId, userId));
    }

    private static String teamOf(BlockActionPayload p) {
        if (p.getTeam() != null && p.getTeam().getId() != null) {
            return p.getTeam().getId();
        }
        return p.getUser().getTeamId();
    }

    private static String firstWord(String text) {
        String t = text.strip();
        int space = t.indexOf(' ');
        return (space < 0 ? t : t.substring(0, space)).toLowerCase(Locale.ROOT);
    }

    /** {@code channel|ts} as put in a modal's private metadata; missing parts are null. */
    private static String[] split(String metadata) {
        if (metadata == null || !metadata.contains("|")) {
            return new String[] {null, null};
        }
        String[] parts = metadata.split("\\|", 2);
        return new String[] {blankToNull(parts[0]), blankToNull(parts[1])};
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() || s.equals("null") ? null : s;
    }

    /** Takes interactions again after {@link #close()}: the connection can be started again. */
    void open() {
        work.open();
    }

    /** Lets work already handed over finish (up to 10 s) and refuses new work: a graceful shutdown loses no answer. */
    @Override
    public void close() {
        work.close();
    }
}
