package dev.rapport.localslack;

import com.google.gson.JsonObject;
import java.time.Instant;

/** {@code users.info}, and the user object it and the {@code user_change} event carry. */
final class UsersMethods {

    private final World world;

    UsersMethods(World world) {
        this.world = world;
    }

    Answer info(WebApi.Call call) {
        Workspace w = call.workspace();
        String id = call.arg("user");
        UserProfile user = id == null ? null : w.users.get(id);
        if (user == null) {
            return Answer.error("user_not_found");
        }
        JsonObject body = Slack.ok();
        JsonObject json = userJson(user, w, world.clock.instant());
        if (Slack.flag(call.arg("include_locale"))) {
            json.addProperty("locale", user.locale()); // Slack gives it only when asked
        }
        body.add("user", json);
        return Answer.ok(body);
    }

    /** A user object as {@code users.info} and {@code user_change} carry it. */
    static JsonObject userJson(UserProfile u, Workspace w, Instant now) {
        JsonObject user = new JsonObject();
        user.addProperty("id", u.id());
        user.addProperty("team_id", u.teamId());
        user.addProperty("name", u.name());
        user.addProperty("deleted", u.deleted());
        user.addProperty("color", "9f69e7");
        user.addProperty("real_name", u.realName());
        user.addProperty("tz", u.tz());
        user.addProperty("tz_label", u.tzLabel(now));
        user.addProperty("tz_offset", u.tzOffset(now));
        JsonObject profile = new JsonObject();
        profile.addProperty("title", "");
        profile.addProperty("phone", "");
        profile.addProperty("skype", "");
        profile.addProperty("real_name", u.realName());
        profile.addProperty("real_name_normalized", u.realName());
        profile.addProperty("display_name", u.displayName());
        profile.addProperty("display_name_normalized", u.displayName());
        profile.addProperty("status_text", "");
        profile.addProperty("status_emoji", "");
        profile.addProperty("avatar_hash", "g0000000000a");
        profile.addProperty("team", u.teamId());
        if (u.isBot() && u.id().equals(w.botUserId)) {
            profile.addProperty("bot_id", w.botId);
        }
        user.add("profile", profile);
        user.addProperty("is_admin", u.isAdmin());
        user.addProperty("is_owner", u.isOwner());
        user.addProperty("is_primary_owner", u.isPrimaryOwner());
        user.addProperty("is_restricted", false);
        user.addProperty("is_ultra_restricted", false);
        user.addProperty("is_bot", u.isBot());
        user.addProperty("is_app_user", false);
        user.addProperty("updated", now.getEpochSecond());
        return user;
    }
}
