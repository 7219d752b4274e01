package dev.rapport.localdiscord;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A message as the local Discord holds it, changed in place by edits under the {@link World}'s lock. */
final class StoredMessage {

    final long id;
    final long channelId;
    final long guildId;
    final long recipientId;
    final int type;
    final long interactionId;
    final JsonObject interactionMetadata;
    /** As sent with the create (a string, or an integer), kept for the create answer and the gateway event only. */
    final JsonPrimitive nonce;

    final boolean tts;
    final Instant timestamp;

    String content = "";
    JsonArray embeds = new JsonArray();
    JsonArray components = new JsonArray();
    List<UploadedFile> attachments = new ArrayList<>();
    int flags;
    Instant editedTimestamp;
    int version;
    boolean deleted;

    StoredMessage(
            long id,
            long channelId,
            long guildId,
            long recipientId,
            int type,
            long interactionId,
            JsonObject interactionMetadata,
            JsonPrimitive nonce,
            boolean tts,
            Instant timestamp) {
        this.id = id;
        this.channelId = channelId;
        this.guildId = guildId;
        this.recipientId = recipientId;
        this.type = type;
        this.interactionId = interactionId;
        this.interactionMetadata = interactionMetadata;
        this.nonce = nonce;
        this.tts = tts;
        this.timestamp = timestamp;
    }

    /** The message object; {@code withNonce} for the answer to its creation and its MESSAGE_CREATE, not for a fetch. */
    JsonObject json(JsonObject author, long applicationId, boolean withNonce) {
        JsonArray files = new JsonArray();
        for (UploadedFile f : attachments) {
            files.add(World.attachmentJson(f, (flags & DiscordMessage.EPHEMERAL) != 0));
        }
        JsonObject m = Json.obj(
                "id",
                Json.id(id),
                "type",
                type,
                "content",
                content,
                "channel_id",
                Json.id(channelId),
                "author",
                author,
                "attachments",
                files,
                "embeds",
                embeds.deepCopy(),
                "mentions",
                new JsonArray(),
                "mention_roles",
                new JsonArray(),
                "mention_everyone",
                false,
                "pinned",
                false,
                "tts",
                tts,
                "timestamp",
                World.iso(timestamp),
                "edited_timestamp",
                editedTimestamp == null ? null : World.iso(editedTimestamp),
                "flags",
                flags,
                "components",
                components.deepCopy());
        if (withNonce && nonce != null) {
            m.add("nonce", nonce.deepCopy());
        }
        if (interactionId != 0) {
            // Interaction responses and follow-ups are sent through the application's webhook.
            m.addProperty("webhook_id", Json.id(applicationId));
            m.addProperty("application_id", Json.id(applicationId));
            m.add("interaction_metadata", interactionMetadata.deepCopy());
        }
        return m;
    }

    DiscordMessage snapshot(JsonObject author, long applicationId, boolean withNonce) {
        return new DiscordMessage(
                id,
                channelId,
                guildId,
                recipientId,
                content,
                embeds.toString(),
                components.toString(),
                attachments,
                flags,
                interactionId,
                version,
                deleted,
                json(author, applicationId, withNonce).toString());
    }
}
