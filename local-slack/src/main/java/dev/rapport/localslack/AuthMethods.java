package dev.rapport.localslack;

import com.google.gson.JsonObject;
import java.util.Map;

/** {@code auth.test}, {@code team.info} and {@code bots.info}: who a token is, its workspace, the app's bot. */
final class AuthMethods {

    private final World world;

    AuthMethods(World world) {
        this.world = world;
    }

    Answer authTest(WebApi.Call call) {
        Workspace w = call.workspace();
        World.Token token = call.token();
        JsonObject body = Slack.ok();
        body.addProperty("url", "https://" + w.domain + ".slack.local/");
        body.addProperty("team", w.name);
        boolean bot = token.kind() == World.Token.Kind.BOT;
        body.addProperty("user", bot ? "rapport" : w.user(token.userId()).name());
        body.addProperty("team_id", w.teamId);
        body.addProperty("user_id", token.userId());
        if (bot) {
            body.addProperty("bot_id", w.botId);
        }
        body.addProperty("is_enterprise_install", false);
        // Bolt reads the token's scopes from this header (Context#getBotScopes), as Slack sends it.
        return new Answer(200, body, 0, Map.of("X-OAuth-Scopes", token.scope()));
    }

    Answer teamInfo(WebApi.Call call) {
        Workspace team = call.workspace();
        String asked = call.arg("team");
        if (!Slack.blank(asked) && !asked.equals(team.teamId)) {
            team = world.findWorkspace(asked).orElse(null);
            if (team == null) {
                return Answer.error("team_not_found");
            }
        }
        JsonObject t = new JsonObject();
        t.addProperty("id", team.teamId);
        t.addProperty("name", team.name);
        t.addProperty("url", "https://" + team.domain + ".slack.local/");
        t.addProperty("domain", team.domain);
        t.addProperty("email_domain", "");
        JsonObject icon = new JsonObject();
        icon.addProperty("image_default", true);
        t.add("icon", icon);
        t.addProperty("is_verified", false);
        JsonObject body = Slack.ok();
        body.add("team", t);
        return Answer.ok(body);
    }

    Answer botsInfo(WebApi.Call call) {
        Workspace w = call.workspace();
        String bot = call.arg("bot");
        if (bot != null && !bot.equals(w.botId)) {
            return Answer.error("bot_not_found");
        }
        JsonObject b = new JsonObject();
        b.addProperty("id", w.botId);
        b.addProperty("deleted", false);
        b.addProperty("name", "rapport");
        b.addProperty("updated", world.clock.instant().getEpochSecond());
        b.addProperty("app_id", world.appId);
        b.addProperty("user_id", w.botUserId);
        b.add("icons", new JsonObject());
        JsonObject body = Slack.ok();
        body.add("bot", b);
        return Answer.ok(body);
    }
}
