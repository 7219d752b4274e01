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
import dev.rapport.core.inbound.InboundWork;
import dev.rapport.core.interaction.InboundEvents;
import dev.rapport.core.interaction.InteractionService;
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
    static final String OUT_OF_DATE = "Sorry, this message is out of date and its buttons no longer work. Your newest"
            + " messages from Rapport have the current ones, and `/rapport help` lists what you can do.";

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
    private final SlackPeople people;
    private final SlackDirectory directory;
    private final SlackReplies replies;
    private final ModalRenderer modals = new ModalRenderer();
    private final InboundWork work = new InboundWork("Slack");
    private final SlackModalOpener opener = new SlackModalOpener(work);
    private final SlackImport imports;

    SlackInbound(
            CommandService commands,
            InteractionService interactions,
            InboundEvents events,
            ParticipantService participants,
            SlackDirectory directory,
            SlackSetupRights setupRights,
            SlackReplies replies) {
        this.commands = commands;
        this.interactions = interactions;
        this.events = events;
        this.participants = participants;
        this.directory = directory;
        this.people = new SlackPeople(directory, setupRights);
        this.replies = replies;
        this.imports = new SlackImport(commands, people, replies, opener);
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
                if (refused.isPresent()) {
                    work.submit(
                            "/rapport import",
                            () -> replies.respond(
                                    ctx.getResponseUrl(), ctx.getBotToken(), p.getUserId(), refused.get()),
                            error -> {});
                } else {
                    imports.openForm(ctx, p, String.join(" ", named.get().arguments()));
                }
                return ctx.ack();
            }
            work.submit("/rapport " + firstWord(text), () -> runCommand(ctx, p, text), error -> {
                replies.respond(ctx.getResponseUrl(), ctx.getBotToken(), p.getUserId(), Reply.privately(error));
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
            if (!InteractionService.recognises(actionId)) {
                String token = ctx.getBotToken();
                String userId = p.getUser().getId();
                work.submit("an out-of-date button", () -> tell(token, channel, userId, OUT_OF_DATE), error -> {});
                return ctx.ack();
            }
            Optional<Form> form = InteractionService.formOpenedBy(actionId);
            if (form.isPresent()) {
                openForm(ctx, p.getTriggerId(), form.get(), channel + "|" + ts);
                return ctx.ack();
            }
            String teamId = teamOf(p);
            String userId = p.getUser().getId();
            String handle = p.getUser().getUsername();
            String token = ctx.getBotToken();
            work.submit(
                    "a button",
                    () -> {
                        ChatUser actor = people.actor(teamId, userId, handle);
                        apply(token, channel, ts, userId, interactions.click(actor, actionId));
                    },
                    error -> replies.notice(token, channel, userId, error));
            return ctx.ack();
        });
        app.blockAction(OTHER_IDS, (req, ctx) -> {
            BlockActionPayload p = req.getPayload();
            if (p.getUser() != null) {
                String token = ctx.getBotToken();
                String channel =
                        p.getContainer() == null ? null : p.getContainer().getChannelId();
                String userId = p.getUser().getId();
                work.submit("an out-of-date button", () -> tell(token, channel, userId, OUT_OF_DATE), error -> {});
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
                Optional<String> missing = SlackImport.problem(view.getState());
                if (missing.isPresent()) {
                    return ctx.ackWithErrors(Map.of(SlackImport.FILE, missing.get()));
                }
                work.submit(
                        "/rapport import",
                        () -> imports.run(teamId, userId, handle, token, view),
                        error -> replies.directMessage(token, userId, ChatMessage.text(error)));
                return ctx.ack();
            }
            Map<String, String> values = modals.values(view.getState());
            Map<String, String> tooLong = InteractionService.formSubmittedAs(view.getCallbackId())
                    .map(form -> form.tooLong(values))
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
                        apply(token, message[0], message[1], userId, r);
                    },
                    error -> replies.directMessage(token, userId, ChatMessage.text(error)));
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
        replies.respond(ctx.getResponseUrl(), ctx.getBotToken(), p.getUserId(), reply);
    }

    // ---- interactions

    private void openForm(Context ctx, String triggerId, Form form, String metadata) {
        opener.open(ctx, triggerId, modals.modal(form, metadata), () -> {});
    }

    /** Does what the core decided after a tap or a submission: update the message, say something privately. */
    private void apply(String token, String channel, String ts, String userId, InteractionResult result) {
        if (result.updatedMessage() != null && channel != null && ts != null && !"null".equals(ts)) {
            replies.update(token, channel, ts, result.updatedMessage());
        }
        if (result.reply() != null) {
            // What a command would have answered: in the person's own DM with Rapport, which only they see.
            try {
                replies.directMessage(token, userId, result.reply());
            } catch (IOException e) {
                log.warn("Could not send a reply to a tap: {}", e.getClass().getSimpleName());
            }
        }
        if (result.notice() != null && channel != null && !"null".equals(channel)) {
            replies.notice(token, channel, userId, result.notice());
        } else if (result.notice() != null) {
            try {
                replies.directMessage(token, userId, ChatMessage.text(result.notice()));
            } catch (IOException e) {
                log.warn("Could not send a notice: {}", e.getClass().getSimpleName());
            }
        }
    }

    /** Says something to one person only: beside the message they acted on, or in their DM where there is none. */
    private void tell(String token, String channel, String userId, String text) throws IOException {
        if (channel != null && !"null".equals(channel)) {
            replies.notice(token, channel, userId, text);
        } else {
            replies.directMessage(token, userId, ChatMessage.text(text));
        }
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
