package dev.rapport.localslack;

import com.google.gson.JsonObject;

/** {@code apps.connections.open}: a Socket Mode URL with a single-use ticket, for the app-level token only. */
final class ConnectionsMethods {

    private final World world;

    ConnectionsMethods(World world) {
        this.world = world;
    }

    Answer open(WebApi.Call call) {
        if (call.token().kind() != World.Token.Kind.APP) {
            return Answer.error("not_allowed_token_type");
        }
        // Tier 1, limited per app rather than per workspace.
        long retryAfter = world.chargeConnectionsOpen();
        if (retryAfter > 0) {
            return Answer.limited(retryAfter);
        }
        JsonObject ok = Slack.ok();
        ok.addProperty("url", world.issueSocketUrl());
        return Answer.ok(ok);
    }
}
