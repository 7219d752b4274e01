package dev.rapport.slack;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;
import com.slack.api.app_backend.views.payload.ViewSubmissionPayload;
import com.slack.api.bolt.App;
import com.slack.api.bolt.context.Context;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.request.views.ViewsOpenRequest;
import com.slack.api.methods.response.views.ViewsOpenResponse;
import com.slack.api.model.File;
import com.slack.api.model.event.UserChangeEvent;
import com.slack.api.model.view.View;
import com.slack.api.model.view.ViewState;
import dev.rapport.core.chat.ChatMessage;
import dev.rapport.core.chat.ChatUser;
import dev.rapport.core.chat.Form;
import dev.rapport.core.chat.InteractionResult;
import dev.rapport.core.chat.Platform;
import dev.rapport.core.command.CommandRequest;
import dev.rapport.core.command.CommandService;
import dev.rapport.core.command.Reply;
import dev.rapport.core.interaction.InboundEvents;
import dev.rapport.core.interaction.InteractionService;
import dev.rapport.core.participant.ParticipantService;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Slack to the core: the {@code /rapport} command, taps on Rapport's buttons, submitted modals and the events Rapport
 * listens to ({@code user_change}), registered on a Bolt {@link App}.
 *
 * <p>Slack wants every command and interaction acknowledged within 3 seconds, and Bolt acknowledges when a handler
 * returns. So each handler does only what must happen before the acknowledgement and hands the rest to a pool of
 * virtual threads: the acknowledgement never waits for the database, however slow a command is (programme health
 * over 10,000 pairs takes about two seconds). The answer follows through the command's {@code response_url}, an
 * update of the clicked message, or a private note. The one thing done before acknowledging is opening a modal:
 * Slack's {@code trigger_id} expires 3 seconds after the tap, and which form a button opens is known from its
 * action id alone ({@link InteractionService#formOpenedBy}); whether the person may use it is checked on submission.
 *
 * <p>Events that Slack redelivers (it retries when it thinks an acknowledgement was lost) are recognised by their
 * {@code event_id} across instances ({@link InboundEvents}) and handled once. Clicks and commands need no such
 * guard: the core records the same answer twice as one.
 */
final class SlackInbound implements AutoCloseable {

    /** The modal that takes an import's CSV: a file, or lines pasted. Its callback id, and its inputs'. */
    static final String IMPORT_FORM = "rapport:import-form";

    /** The subcommand whose file Slack takes through a form. */
    private static final String IMPORT = "import";

    static final String IMPORT_FILE = "csv_file";
    static final String IMPORT_TEXT = "csv_text";

    /** The largest CSV taken: 10,000 pairs' lines are well under this. */
    static final int MAX_IMPORT_BYTES = 2 * 1024 * 1024;

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
    private final HttpClient downloads =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final ExecutorService work = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("slack-inbound-", 0).factory());

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
                    submit(
                            "/rapport import",
                            () -> replies.respond(
                                    ctx.getResponseUrl(), ctx.getBotToken(), p.getUserId(), refused.get()),
                            error -> {});
                } else {
                    openImportForm(ctx, p, String.join(" ", named.get().arguments()));
                }
                return ctx.ack();
            }
            submit("/rapport " + firstWord(text), () -> runCommand(ctx, p, text), error -> {
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
                submit("an out-of-date button", () -> tell(token, channel, userId, OUT_OF_DATE), error -> {});
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
            submit(
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
                submit("an out-of-date button", () -> tell(token, channel, userId, OUT_OF_DATE), error -> {});
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
            if (IMPORT_FORM.equals(view.getCallbackId())) {
                Optional<String> missing = importProblem(view.getState());
                if (missing.isPresent()) {
                    return ctx.ackWithErrors(Map.of(IMPORT_FILE, missing.get()));
                }
                submit(
                        "/rapport import",
                        () -> runImport(teamId, userId, handle, token, view),
                        error -> replies.directMessage(token, userId, ChatMessage.text(error)));
                return ctx.ack();
            }
            Map<String, String> values = modals.values(view.getState());
            Optional<Map<String, String>> fieldErrors = fieldErrors(values);
            if (fieldErrors.isPresent()) {
                // Shown under the field, with the modal still open and the text kept: nothing is lost.
                return ctx.ackWithErrors(fieldErrors.get());
            }
            String[] message = split(view.getPrivateMetadata());
            submit(
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
            submit(
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

    /** Opens the import form; {@code rest} is the command's words after {@code import} (a programme option). */
    private void openImportForm(Context ctx, SlashCommandPayload p, String rest) {
        View view = ImportModal.view(IMPORT_FORM, IMPORT_FILE, IMPORT_TEXT, rest);
        openView(ctx, p.getTriggerId(), view, () -> {
            try {
                replies.respond(
                        p.getResponseUrl(),
                        ctx.getBotToken(),
                        p.getUserId(),
                        Reply.privately(
                                "Slack did not let me open the import form in time; please run `/rapport import`"
                                        + " again."));
            } catch (IOException e) {
                log.warn(
                        "Could not tell a coordinator the import form did not open: {}",
                        e.getClass().getSimpleName());
            }
        });
    }

    private void runImport(String teamId, String userId, String handle, String token, View view) throws IOException {
        ChatUser actor = people.actor(teamId, userId, handle);
        String csv = importText(view.getState(), token);
        String rest = Optional.ofNullable(view.getPrivateMetadata()).orElse("");
        Reply reply = commands.handle(new CommandRequest(actor, people.withNames(teamId, "import " + rest), csv));
        replies.directMessage(token, userId, reply.message());
    }

    /** What is wrong with the import form as submitted, if anything: it needs a file or pasted lines. */
    private static Optional<String> importProblem(ViewState state) {
        Optional<List<File>> files = value(state, IMPORT_FILE).map(ViewState.Value::getFiles);
        Optional<String> pasted = value(state, IMPORT_TEXT).map(ViewState.Value::getValue);
        boolean hasFile = files.isPresent() && !files.get().isEmpty();
        boolean hasText = pasted.isPresent() && !pasted.get().isBlank();
        if (!hasFile && !hasText) {
            return Optional.of("Attach the CSV file, or paste its lines below.");
        }
        if (hasFile
                && files.get().getFirst().getSize() != null
                && files.get().getFirst().getSize() > MAX_IMPORT_BYTES) {
            return Optional.of("That file is over 2 MB; split it into smaller imports.");
        }
        return Optional.empty();
    }

    private String importText(ViewState state, String token) throws IOException {
        Optional<String> pasted = value(state, IMPORT_TEXT).map(ViewState.Value::getValue);
        if (pasted.isPresent() && !pasted.get().isBlank()) {
            return pasted.get();
        }
        File file = value(state, IMPORT_FILE)
                .map(ViewState.Value::getFiles)
                .orElseThrow()
                .getFirst();
        String url = file.getUrlPrivateDownload() != null ? file.getUrlPrivateDownload() : file.getUrlPrivate();
        HttpRequest get = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token)
                .GET()
                .build();
        try {
            HttpResponse<InputStream> got = downloads.send(get, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream in = got.body()) {
                if (got.statusCode() != 200) {
                    throw new IOException("Slack answered HTTP " + got.statusCode() + " for the file");
                }
                byte[] bytes = in.readNBytes(MAX_IMPORT_BYTES + 1);
                if (bytes.length > MAX_IMPORT_BYTES) {
                    throw new IOException("the file is over 2 MB");
                }
                return new String(bytes, StandardCharsets.UTF_8);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while downloading the file");
        }
    }

    private static Optional<ViewState.Value> value(ViewState state, String key) {
        if (state == null || state.getValues() == null) {
            return Optional.empty();
        }
        Map<String, ViewState.Value> block = state.getValues().get(key);
        return block == null ? Optional.empty() : Optional.ofNullable(block.get(key));
    }

    // ---- interactions

    private void openForm(Context ctx, String triggerId, Form form, String metadata) {
        openView(ctx, triggerId, modals.modal(form, metadata), () -> {});
    }

    /** Opens a modal before the acknowledgement, as Slack requires; says so in the log when Slack refused it. */
    private void openView(Context ctx, String triggerId, View view, Runnable onFailure) {
        try {
            ViewsOpenResponse opened = ctx.client()
                    .viewsOpen(ViewsOpenRequest.builder()
                            .triggerId(triggerId)
                            .view(view)
                            .build());
            if (!opened.isOk()) {
                log.warn("Slack views.open failed: {}", opened.getError());
                work.submit(onFailure);
            }
        } catch (IOException | SlackApiException e) {
            log.warn("Slack views.open failed: {}", e.getClass().getSimpleName());
            work.submit(onFailure);
        }
    }

    /** Does what the core decided after a tap or a submission: update the message, say something privately. */
    private void apply(String token, String channel, String ts, String userId, InteractionResult result) {
        if (result.updatedMessage() != null && channel != null && ts != null && !"null".equals(ts)) {
            replies.update(token, channel, ts, result.updatedMessage());
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

    /**
     * Errors Slack shows under a modal's field, checked before acknowledging so the person keeps what they typed: a
     * comment over the core's limit. The core checks it again; this only spares a round trip.
     */
    private static Optional<Map<String, String>> fieldErrors(Map<String, String> values) {
        String comment = values.get("comment");
        if (comment != null && comment.strip().length() > 1000) {
            return Optional.of(Map.of(
                    "comment",
                    "Please keep it under 1000 characters (it has "
                            + comment.strip().length() + ")."));
        }
        return Optional.empty();
    }

    // ---- the work after the acknowledgement

    private interface Work {
        void run() throws Exception;
    }

    private interface OnError {
        void tell(String message) throws Exception;
    }

    /**
     * Runs {@code task} after the acknowledgement. An unexpected failure is logged with a short reference, and the
     * person gets that reference, never a stack trace.
     */
    private void submit(String what, Work task, OnError onError) {
        try {
            work.submit(() -> {
                try {
                    task.run();
                } catch (Exception e) {
                    String reference = UUID.randomUUID().toString().substring(0, 8);
                    log.error("Slack {} failed (reference {})", what, reference, e);
                    try {
                        onError.tell("Sorry, something went wrong on our side and that did not finish. If it happens"
                                + " again, give your coordinator or administrator this reference: " + reference + ".");
                    } catch (Exception ignored) {
                        log.warn("Could not tell the person about reference {}", reference);
                    }
                }
            });
        } catch (RejectedExecutionException e) {
            log.warn("Slack {} arrived while Rapport is shutting down; Slack will show it as failed", what);
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

    /** Lets work already handed over finish (up to 10 s) and refuses new work: a graceful shutdown loses no answer. */
    @Override
    public void close() {
        work.shutdown();
        try {
            if (!work.awaitTermination(10, TimeUnit.SECONDS)) {
                log.warn("Slack work still running after 10 s at shutdown; stopping it");
                work.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            work.shutdownNow();
        }
    }
}
