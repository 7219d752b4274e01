package dev.rapport.localslack;

import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import dev.rapport.localkit.Http;
import java.net.URI;
import java.time.Duration;
import java.util.Map;

/**
 * {@code oauth.v2.access}, which exchanges a code for tokens, and the authorize page's two outcomes that issue the code
 * or refuse it. Client credentials come as form fields or HTTP Basic; a code is valid for
 * {@link LocalSlack#OAUTH_CODE_LIFETIME}, once.
 */
final class OAuthMethods {

    private final World world;

    OAuthMethods(World world) {
        this.world = world;
    }

    Answer access(WebApi.Call call) {
        Map<String, String> args = call.args();
        String id = args.get("client_id");
        String secret = args.get("client_secret");
        String[] basic = Http.basic(call.exchange());
        if (basic != null) {
            id = basic[0];
            secret = basic[1];
        }
        if (Slack.blank(id) || !id.equals(world.clientId)) {
            return Answer.error("invalid_client_id");
        }
        if (!world.clientSecret.equals(secret)) {
            return Answer.error("bad_client_secret");
        }
        if (args.containsKey("grant_type") && !"authorization_code".equals(args.get("grant_type"))) {
            return Answer.error("invalid_grant_type"); // token rotation is not modelled
        }
        String code = args.get("code");
        World.OAuthCode grant = world.code(code);
        if (grant == null
                || Duration.between(grant.issued(), world.clock.instant()).compareTo(LocalSlack.OAUTH_CODE_LIFETIME)
                        > 0) {
            return Answer.error("invalid_code");
        }
        if (grant.redirectUri() != null && !grant.redirectUri().equals(args.get("redirect_uri"))) {
            return Answer.error("bad_redirect_uri");
        }
        if (!world.takeCode(code)) {
            return Answer.error("invalid_code"); // exchanged by a concurrent call
        }
        Workspace w = world.workspace(grant.teamId(), null);
        String scope = Slack.blank(grant.scope()) ? LocalSlack.Builder.DEFAULT_SCOPE : grant.scope();
        String botToken = "local-oauth-bot-token-" + w.teamId + "-" + world.hex(8);
        world.addToken(botToken, new World.Token(World.Token.Kind.BOT, w, w.botUserId, scope));
        w.installedToken = botToken;
        JsonObject body = Slack.ok();
        body.addProperty("app_id", world.appId);
        JsonObject authed = new JsonObject();
        authed.addProperty("id", grant.installer());
        if (!Slack.blank(grant.userScope())) {
            String userToken = "local-oauth-user-token-" + w.teamId + "-" + world.hex(8);
            world.addToken(userToken, new World.Token(World.Token.Kind.USER, w, grant.installer(), grant.userScope()));
            authed.addProperty("scope", grant.userScope());
            authed.addProperty("access_token", userToken);
            authed.addProperty("token_type", "user");
        }
        body.add("authed_user", authed);
        body.addProperty("scope", scope);
        body.addProperty("token_type", "bot");
        body.addProperty("access_token", botToken);
        body.addProperty("bot_user_id", w.botUserId);
        JsonObject team = new JsonObject();
        team.addProperty("id", w.teamId);
        team.addProperty("name", w.name);
        body.add("team", team);
        body.add("enterprise", JsonNull.INSTANCE);
        body.addProperty("is_enterprise_install", false);
        return Answer.ok(body);
    }

    /**
     * Approves an install as the person would on Slack's authorize page: checks the authorize URL's {@code client_id}
     * and answers where Slack sends the browser next, the redirect URI with {@code code} and {@code state}.
     */
    URI approveInstall(String authorizeUrl, String teamId, String installerUserId, String defaultRedirect) {
        Map<String, String> q = authorizeQuery(authorizeUrl);
        if (!world.clientId.equals(q.get("client_id"))) {
            throw new IllegalArgumentException(
                    "the authorize URL's client_id is not this app's: " + q.get("client_id"));
        }
        String redirect = q.getOrDefault("redirect_uri", defaultRedirect);
        if (redirect == null) {
            throw new IllegalArgumentException("no redirect_uri in the authorize URL, and no default given");
        }
        String code = world.issueCode(
                teamId,
                installerUserId,
                q.get("redirect_uri"),
                q.getOrDefault("scope", ""),
                q.getOrDefault("user_scope", ""));
        String sep = redirect.contains("?") ? "&" : "?";
        return URI.create(
                redirect + sep + "code=" + Http.encode(code) + "&state=" + Http.encode(q.getOrDefault("state", "")));
    }

    /** Where Slack sends the browser when the person cancels the install: the redirect URI with {@code error}. */
    static URI denyInstall(String authorizeUrl, String defaultRedirect) {
        Map<String, String> q = authorizeQuery(authorizeUrl);
        String redirect = q.getOrDefault("redirect_uri", defaultRedirect);
        String sep = redirect.contains("?") ? "&" : "?";
        return URI.create(redirect + sep + "error=access_denied&state=" + Http.encode(q.getOrDefault("state", "")));
    }

    /** The authorize URL's query; taken from Bolt's install page it is HTML-escaped ({@code &amp;}). */
    private static Map<String, String> authorizeQuery(String authorizeUrl) {
        return Http.form(URI.create(authorizeUrl.replace("&amp;", "&")).getRawQuery());
    }
}
