package dev.rapport.localdiscord;

import java.util.List;

/**
 * The REST routes the local Discord serves, as Discord's documentation names them, relative to {@code /api/v10/}.
 * Recorded calls carry their endpoint, and faults can be aimed at one.
 */
public enum Endpoint {
    GET_CURRENT_USER("GET", "users/@me", Bucket.OTHER),
    GET_USER("GET", "users/{user.id}", Bucket.OTHER),
    GET_GATEWAY("GET", "gateway", Bucket.OTHER),
    GET_GATEWAY_BOT("GET", "gateway/bot", Bucket.OTHER),
    CREATE_DM("POST", "users/@me/channels", Bucket.CREATE_DM),
    GET_CHANNEL("GET", "channels/{channel.id}", Bucket.OTHER),
    CREATE_MESSAGE("POST", "channels/{channel.id}/messages", Bucket.CREATE_MESSAGE),
    GET_MESSAGE("GET", "channels/{channel.id}/messages/{message.id}", Bucket.OTHER),
    EDIT_MESSAGE("PATCH", "channels/{channel.id}/messages/{message.id}", Bucket.EDIT_MESSAGE),
    DELETE_MESSAGE("DELETE", "channels/{channel.id}/messages/{message.id}", Bucket.EDIT_MESSAGE),
    CREATE_INTERACTION_RESPONSE(
            "POST", "interactions/{interaction.id}/{interaction.token}/callback", Bucket.INTERACTION_CALLBACK),
    CREATE_FOLLOWUP_MESSAGE("POST", "webhooks/{application.id}/{interaction.token}", Bucket.WEBHOOK),
    GET_WEBHOOK_MESSAGE("GET", "webhooks/{application.id}/{interaction.token}/messages/{message.id}", Bucket.WEBHOOK),
    EDIT_WEBHOOK_MESSAGE(
            "PATCH", "webhooks/{application.id}/{interaction.token}/messages/{message.id}", Bucket.WEBHOOK),
    DELETE_WEBHOOK_MESSAGE(
            "DELETE", "webhooks/{application.id}/{interaction.token}/messages/{message.id}", Bucket.WEBHOOK),
    GET_GLOBAL_COMMANDS("GET", "applications/{application.id}/commands", Bucket.COMMANDS),
    CREATE_GLOBAL_COMMAND("POST", "applications/{application.id}/commands", Bucket.COMMANDS),
    OVERWRITE_GLOBAL_COMMANDS("PUT", "applications/{application.id}/commands", Bucket.COMMANDS),
    DELETE_GLOBAL_COMMAND("DELETE", "applications/{application.id}/commands/{command.id}", Bucket.COMMANDS),
    GET_GUILD_COMMANDS("GET", "applications/{application.id}/guilds/{guild.id}/commands", Bucket.COMMANDS),
    CREATE_GUILD_COMMAND("POST", "applications/{application.id}/guilds/{guild.id}/commands", Bucket.COMMANDS),
    OVERWRITE_GUILD_COMMANDS("PUT", "applications/{application.id}/guilds/{guild.id}/commands", Bucket.COMMANDS),
    DELETE_GUILD_COMMAND(
            "DELETE", "applications/{application.id}/guilds/{guild.id}/commands/{command.id}", Bucket.COMMANDS),
    GET_GUILD("GET", "guilds/{guild.id}", Bucket.GUILD),
    GET_GUILD_MEMBER("GET", "guilds/{guild.id}/members/{user.id}", Bucket.GUILD),
    GET_GUILD_ROLES("GET", "guilds/{guild.id}/roles", Bucket.GUILD);

    private final String method;
    private final String template;
    private final Bucket bucket;
    private final List<String> segments;

    Endpoint(String method, String template, Bucket bucket) {
        this.method = method;
        this.template = template;
        this.bucket = bucket;
        this.segments = List.of(template.split("/"));
    }

    /** The HTTP method. */
    public String method() {
        return method;
    }

    /** The route as Discord documents it, e.g. {@code channels/{channel.id}/messages}. */
    public String template() {
        return template;
    }

    /** The rate-limit bucket the route counts against. */
    public Bucket bucket() {
        return bucket;
    }

    /**
     * Whether the route is authorised by the interaction token in its path rather than the bot token, as interaction
     * callbacks and follow-ups are. Those routes are also exempt from the global rate limit, as Discord documents.
     */
    public boolean interactionToken() {
        return template.contains("{interaction.token}");
    }

    List<String> segments() {
        return segments;
    }

    @Override
    public String toString() {
        return method + " " + template;
    }
}
