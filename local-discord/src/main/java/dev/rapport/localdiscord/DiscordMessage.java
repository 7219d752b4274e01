package dev.rapport.localdiscord;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * One version of a message the local Discord holds: as created, or after an edit. Messages come from the bot's
 * {@code POST channels/{id}/messages}, from interaction responses and from follow-ups.
 *
 * @param id the message's snowflake
 * @param channelId the channel it is in (a DM channel for direct messages)
 * @param guildId the guild of the channel, or 0 for a DM
 * @param recipientId for a DM, the user at the other end; otherwise 0
 * @param content the text content
 * @param embedsJson the {@code embeds} array as Discord returns it (each with {@code "type":"rich"})
 * @param componentsJson the {@code components} array as Discord returns it (with component ids filled in)
 * @param attachments the message's files
 * @param flags Discord's message flags ({@code 64} ephemeral, {@code 128} loading, {@code 32768} components v2)
 * @param interactionId the interaction whose response or follow-up this is, or 0
 * @param version 0 as created, then one more per edit
 * @param deleted whether this version is the message's deletion
 * @param json the whole message object exactly as the REST API returned it
 */
public record DiscordMessage(
        long id,
        long channelId,
        long guildId,
        long recipientId,
        String content,
        String embedsJson,
        String componentsJson,
        List<UploadedFile> attachments,
        int flags,
        long interactionId,
        int version,
        boolean deleted,
        String json) {

    public static final int EPHEMERAL = 1 << 6;
    public static final int LOADING = 1 << 7;
    public static final int IS_COMPONENTS_V2 = 1 << 15;

    public DiscordMessage {
        attachments = List.copyOf(attachments);
    }

    /** Every component {@code custom_id}, in document order: what a click could hand back. */
    public List<String> customIds() {
        return Components.customIds(componentsJson);
    }

    /** The buttons' labels, in document order. */
    public List<String> buttonLabels() {
        return Components.buttonLabels(componentsJson);
    }

    /** The string select menus (component type 3), in document order. */
    public List<SelectMenu> selectMenus() {
        return Components.selectMenus(componentsJson);
    }

    /** How many top-level components (action rows, for a classic message) the message has. */
    public int rowCount() {
        return Components.parse(componentsJson).size();
    }

    /** How many embeds the message has. */
    public int embedCount() {
        return Components.parse(embedsJson).size();
    }

    /** Each embed's title, or {@code ""} when it has none. */
    public List<String> embedTitles() {
        return embedField("title");
    }

    /** Each embed's description, or {@code ""} when it has none. */
    public List<String> embedDescriptions() {
        return embedField("description");
    }

    /** Whether only the interaction's user sees it (flag 64). */
    public boolean ephemeral() {
        return (flags & EPHEMERAL) != 0;
    }

    /** A deferred reply that has not been edited yet: the user sees "… is thinking". */
    public boolean loading() {
        return (flags & LOADING) != 0;
    }

    /** Whether it is in a DM channel. */
    public boolean directMessage() {
        return guildId == 0;
    }

    /** Whether this version comes from an edit (or the deletion). */
    public boolean edited() {
        return version > 0;
    }

    private List<String> embedField(String field) {
        List<String> out = new ArrayList<>();
        for (JsonElement e : Components.parse(embedsJson)) {
            JsonObject embed = e.getAsJsonObject();
            out.add(Json.has(embed, field) ? embed.get(field).getAsString() : "");
        }
        return out;
    }
}
