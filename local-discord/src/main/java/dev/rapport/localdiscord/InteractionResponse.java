package dev.rapport.localdiscord;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What the bot answered to one interaction: its initial response ({@code POST interactions/{id}/{token}/callback}),
 * a follow-up, or an edit or deletion through the interaction's webhook. Rejected attempts are recorded too, with
 * Discord's status and error code, so a test can see a late or second acknowledgement.
 *
 * @param interactionId the interaction answered
 * @param kind which call it was
 * @param type for a {@link Kind#CALLBACK}, Discord's callback type ({@link #CHANNEL_MESSAGE_WITH_SOURCE} …); otherwise 0
 * @param status the HTTP status the local Discord answered
 * @param errorCode Discord's JSON error code when refused (10062 unknown interaction, 40060 already acknowledged …),
 *     otherwise 0
 * @param messageId the message created or edited, or 0
 * @param content the {@code content} sent, or {@code null} when the call did not set it
 * @param embedsJson the {@code embeds} sent, or {@code null}
 * @param componentsJson the {@code components} sent, or {@code null} (for a modal: the modal's components)
 * @param flags the {@code flags} sent ({@link DiscordMessage#EPHEMERAL} …)
 * @param files the files uploaded with the call
 * @param dataJson the callback's {@code data}, or the follow-up's or edit's whole body, as sent
 * @param latency real time from the INTERACTION_CREATE dispatch reaching the bot's socket to this call
 */
public record InteractionResponse(
        long interactionId,
        Kind kind,
        int type,
        int status,
        int errorCode,
        long messageId,
        String content,
        String embedsJson,
        String componentsJson,
        int flags,
        List<UploadedFile> files,
        String dataJson,
        Duration latency) {

    public static final int PONG = 1;
    public static final int CHANNEL_MESSAGE_WITH_SOURCE = 4;
    public static final int DEFERRED_CHANNEL_MESSAGE_WITH_SOURCE = 5;
    public static final int DEFERRED_UPDATE_MESSAGE = 6;
    public static final int UPDATE_MESSAGE = 7;
    public static final int APPLICATION_COMMAND_AUTOCOMPLETE_RESULT = 8;
    public static final int MODAL = 9;

    /** The call that produced a response. */
    public enum Kind {
        CALLBACK,
        FOLLOW_UP,
        EDIT_ORIGINAL,
        EDIT_FOLLOW_UP,
        DELETE_ORIGINAL,
        DELETE_FOLLOW_UP
    }

    /** An autocomplete suggestion. */
    public record Choice(String name, String value) {}

    public InteractionResponse {
        files = List.copyOf(files);
    }

    /** Whether Discord would have accepted the call (a 2xx answer). */
    public boolean accepted() {
        return status / 100 == 2;
    }

    /** Whether the response asked for flag 64 (only the user sees it). */
    public boolean ephemeral() {
        return (flags & DiscordMessage.EPHEMERAL) != 0;
    }

    /** Every component {@code custom_id} sent, in document order. */
    public List<String> customIds() {
        return Components.customIds(componentsJson);
    }

    /** For a {@link #MODAL} callback, the modal's {@code custom_id}. */
    public String modalCustomId() {
        return dataField("custom_id");
    }

    /** For a {@link #MODAL} callback, the modal's title. */
    public String modalTitle() {
        return dataField("title");
    }

    /** For an autocomplete result, the suggested choices in order. */
    public List<Choice> choices() {
        List<Choice> out = new ArrayList<>();
        if (dataJson == null) {
            return out;
        }
        JsonElement data = JsonParser.parseString(dataJson);
        if (data.isJsonObject()) {
            for (JsonElement c : Json.array(data.getAsJsonObject(), "choices")) {
                JsonObject o = c.getAsJsonObject();
                out.add(new Choice(Json.string(o, "name"), Json.string(o, "value")));
            }
        }
        return out;
    }

    private String dataField(String name) {
        if (dataJson == null) {
            return null;
        }
        JsonElement data = JsonParser.parseString(dataJson);
        return data.isJsonObject() ? Json.string(data.getAsJsonObject(), name) : null;
    }
}
