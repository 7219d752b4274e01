package dev.rapport.slack;

import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;
import com.slack.api.bolt.context.Context;
import com.slack.api.model.File;
import com.slack.api.model.view.View;
import com.slack.api.model.view.ViewState;
import dev.rapport.core.chat.ChatUser;
import dev.rapport.core.command.CommandRequest;
import dev.rapport.core.command.CommandService;
import dev.rapport.core.command.Reply;
import dev.rapport.core.i18n.Catalogue;
import dev.rapport.core.pair.ImportFile;
import dev.rapport.core.participant.ParticipantLanguages;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /rapport import} on Slack, where a slash command cannot carry a file: the command opens a modal
 * ({@link ImportModal}) that takes the CSV as a file or as pasted lines; its submission is checked before the
 * acknowledgement (something given, a file within {@link ImportFile#MAX_BYTES}), and the file is downloaded with the
 * bot token and handed to the core with the rest of the command line.
 */
final class SlackImport {

    /** The modal that takes an import's CSV: a file, or lines pasted. Its callback id, and its inputs'. */
    static final String FORM = "rapport:import-form";

    static final String FILE = "csv_file";
    static final String TEXT = "csv_text";

    private static final Logger log = LoggerFactory.getLogger(SlackImport.class);

    private final CommandService commands;
    private final ParticipantLanguages languages;
    private final SlackPeople people;
    private final SlackReplies replies;
    private final SlackModalOpener modals;
    private final HttpClient downloads =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    SlackImport(
            CommandService commands,
            ParticipantLanguages languages,
            SlackPeople people,
            SlackReplies replies,
            SlackModalOpener modals) {
        this.commands = commands;
        this.languages = languages;
        this.people = people;
        this.replies = replies;
        this.modals = modals;
    }

    /**
     * Opens the import form, in the coordinator's {@code language}; {@code rest} is the command's words after
     * {@code import} (a programme option).
     */
    void openForm(Context ctx, SlashCommandPayload p, String rest, Locale language) {
        View view = ImportModal.view(FORM, FILE, TEXT, rest, language);
        modals.open(ctx, p.getTriggerId(), view, () -> {
            try {
                replies.respond(
                        p.getResponseUrl(),
                        ctx.getBotToken(),
                        p.getUserId(),
                        Reply.privately(Catalogue.standard().text(language, "slack.import.not-opened")),
                        language);
            } catch (IOException e) {
                log.warn(
                        "Could not tell a coordinator the import form did not open: {}",
                        e.getClass().getSimpleName());
            }
        });
    }

    /**
     * What is wrong with the import form as submitted, if anything: it needs a file or pasted lines. Said in the
     * coordinator's language, asked for only when something is wrong.
     */
    static Optional<String> problem(ViewState state, Supplier<Locale> language) {
        Optional<List<File>> files = value(state, FILE).map(ViewState.Value::getFiles);
        Optional<String> pasted = value(state, TEXT).map(ViewState.Value::getValue);
        boolean hasFile = files.isPresent() && !files.get().isEmpty();
        boolean hasText = pasted.isPresent() && !pasted.get().isBlank();
        if (!hasFile && !hasText) {
            return Optional.of(Catalogue.standard().text(language.get(), "slack.import.missing"));
        }
        Integer size = hasFile ? files.get().getFirst().getSize() : null;
        if (size != null && ImportFile.tooLarge(size)) {
            return Optional.of(Catalogue.standard().text(language.get(), ImportFile.TOO_LARGE));
        }
        return Optional.empty();
    }

    /** Runs the import a submitted form asks for and tells the coordinator the outcome in their DM. */
    void run(String teamId, String userId, String handle, String token, View view) throws IOException {
        ChatUser actor = people.actor(teamId, userId, handle);
        String csv = text(view.getState(), token);
        String rest = Optional.ofNullable(view.getPrivateMetadata()).orElse("");
        Reply reply = commands.handle(new CommandRequest(actor, people.withNames(teamId, "import " + rest), csv));
        replies.directMessage(token, userId, reply.message(), languages.languageOf(actor));
    }

    private String text(ViewState state, String token) throws IOException {
        Optional<String> pasted = value(state, TEXT).map(ViewState.Value::getValue);
        if (pasted.isPresent() && !pasted.get().isBlank()) {
            return pasted.get();
        }
        File file =
                value(state, FILE).map(ViewState.Value::getFiles).orElseThrow().getFirst();
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
                return ImportFile.read(in).orElseThrow(() -> new IOException("the file is over the import limit"));
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
}
