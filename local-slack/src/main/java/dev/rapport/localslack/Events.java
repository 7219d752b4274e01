package dev.rapport.localslack;

import com.google.gson.JsonArray;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;

/** The Events API's payloads as Slack sends them: {@code event_callback} around an event; {@code url_verification}. */
final class Events {

    private final World world;
    private final Deliverer deliverer;

    Events(World world, Deliverer deliverer) {
        this.world = world;
        this.deliverer = deliverer;
    }

    /** Sends an event ({@code event_callback}), signed (over HTTP) as given. */
    Delivery event(String teamId, JsonObject event, Signing signing) {
        Workspace w = world.workspaceOf(teamId);
        JsonObject e = event.deepCopy();
        if (!e.has("event_ts")) {
            e.addProperty("event_ts", world.nextTs());
        }
        String eventId = String.format("Ev%010d", world.nextNumber());
        JsonObject payload = new JsonObject();
        payload.addProperty("token", world.verificationToken);
        payload.addProperty("team_id", teamId);
        payload.addProperty("api_app_id", world.appId);
        payload.add("event", e);
        payload.addProperty("type", "event_callback");
        payload.addProperty("event_id", eventId);
        payload.addProperty("event_time", world.clock.instant().getEpochSecond());
        JsonArray authorizations = new JsonArray();
        JsonObject authorization = new JsonObject();
        authorization.add("enterprise_id", JsonNull.INSTANCE);
        authorization.addProperty("team_id", teamId);
        authorization.addProperty("user_id", w.botUserId);
        authorization.addProperty("is_bot", true);
        authorization.addProperty("is_enterprise_install", false);
        authorizations.add(authorization);
        payload.add("authorizations", authorizations);
        payload.addProperty("is_ext_shared_channel", false);
        payload.addProperty("event_context", "4-" + world.hex(24));
        String user =
                e.has("user") && e.get("user").isJsonPrimitive() ? e.get("user").getAsString() : null;
        return deliverer.deliver(
                new Delivery(eventId, Delivery.Kind.EVENT, teamId, user, payload, null, null, signing, null));
    }

    /** A person changed ({@code user_change}, with the whole user object). */
    Delivery userChanged(UserProfile changed) {
        Workspace w = world.workspaceOf(changed.teamId());
        JsonObject event = new JsonObject();
        event.addProperty("type", "user_change");
        event.add("user", UsersMethods.userJson(changed, w, world.clock.instant()));
        event.addProperty("cache_ts", world.clock.instant().getEpochSecond());
        return event(changed.teamId(), event, Signing.VALID);
    }

    /** The {@code url_verification} challenge; the app must answer with the challenge. */
    Delivery verifyUrl() {
        JsonObject payload = new JsonObject();
        payload.addProperty("token", world.verificationToken);
        payload.addProperty("challenge", world.hex(24));
        payload.addProperty("type", "url_verification");
        return deliverer.deliver(new Delivery(
                "url-verification-" + world.nextNumber(),
                Delivery.Kind.URL_VERIFICATION,
                null,
                null,
                payload,
                null,
                null,
                Signing.VALID,
                null));
    }
}
