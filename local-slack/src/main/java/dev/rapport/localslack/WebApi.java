package dev.rapport.localslack;

import com.sun.net.httpserver.HttpExchange;
import dev.rapport.localkit.Http;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The Web API under {@code /api/}: reads a call's arguments and token, applies the injected faults and Slack's rate
 * limits, hands the call to its method family and records how it was answered. Each method runs whole under the
 * {@link World}'s lock, so it sees and leaves a consistent picture; the families say what each method does.
 */
final class WebApi {

    /** One call, authenticated: the token's workspace, the token, the arguments and the exchange. */
    record Call(Workspace workspace, World.Token token, Map<String, String> args, HttpExchange exchange) {

        String arg(String name) {
            return args.get(name);
        }
    }

    /** A method of the Web API. */
    @FunctionalInterface
    interface Method {
        Answer answer(Call call);
    }

    private final World world;
    private final Map<String, Method> methods;

    // Faults, set by tests.
    private final AtomicInteger failuresLeft = new AtomicInteger();
    private final AtomicInteger failureStatus = new AtomicInteger(503);
    private final AtomicReference<Duration> delay = new AtomicReference<>(Duration.ZERO);

    WebApi(World world, ViewsMethods views, OAuthMethods oauth, FilesMethods files) {
        this.world = world;
        AuthMethods auth = new AuthMethods(world);
        ConversationsMethods conversations = new ConversationsMethods(world);
        ChatMethods chat = new ChatMethods(world);
        UsersMethods users = new UsersMethods(world);
        ConnectionsMethods connections = new ConnectionsMethods(world);
        this.methods = Map.ofEntries(
                Map.entry("auth.test", auth::authTest),
                Map.entry("team.info", auth::teamInfo),
                Map.entry("bots.info", auth::botsInfo),
                Map.entry("conversations.open", conversations::open),
                Map.entry("conversations.history", conversations::history),
                Map.entry("chat.postMessage", chat::postMessage),
                Map.entry("chat.update", chat::update),
                Map.entry("chat.postEphemeral", chat::postEphemeral),
                Map.entry("users.info", users::info),
                Map.entry("views.open", c -> views.open(c, false)),
                Map.entry("views.push", c -> views.open(c, true)),
                Map.entry("views.update", views::update),
                Map.entry("files.getUploadURLExternal", files::getUploadUrl),
                Map.entry("files.completeUploadExternal", files::completeUpload),
                Map.entry("apps.connections.open", connections::open),
                Map.entry("oauth.v2.access", oauth::access));
    }

    /** The next {@code count} calls answer HTTP {@code status} before anything else. */
    void failNext(int count, int status) {
        failureStatus.set(status);
        failuresLeft.set(count);
    }

    void delay(Duration wait) {
        delay.set(wait);
    }

    void handle(HttpExchange exchange, String method) throws IOException {
        Duration wait = delay.get();
        if (!wait.isZero()) {
            try {
                Thread.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        Answer answer;
        try {
            answer = answer(method, exchange);
        } catch (RuntimeException e) {
            answer = Answer.status(500, "fatal_error");
        }
        world.record(new LocalSlack.ApiCall(method, answer.status(), answer.error()));
        for (Map.Entry<String, String> h : answer.headers().entrySet()) {
            exchange.getResponseHeaders().set(h.getKey(), h.getValue());
        }
        if (answer.retryAfterSeconds() > 0) {
            exchange.getResponseHeaders().set("Retry-After", Long.toString(answer.retryAfterSeconds()));
        }
        Http.json(exchange, answer.status(), answer.body());
    }

    private Answer answer(String method, HttpExchange exchange) throws IOException {
        byte[] body = Http.body(exchange);
        Map<String, String> args;
        try {
            args = Slack.arguments(exchange, body);
        } catch (RuntimeException e) {
            return Answer.error("invalid_json");
        }
        if (failuresLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            return Answer.status(failureStatus.get(), "service_unavailable");
        }
        Method m = methods.get(method);
        if (m == null) {
            return Answer.status(404, "unknown_method");
        }
        synchronized (world) {
            if (method.equals("oauth.v2.access")) {
                return m.answer(new Call(null, null, args, exchange)); // client credentials, not a token
            }
            String tokenValue = Slack.token(exchange, args);
            if (tokenValue == null || tokenValue.isBlank()) {
                return Answer.error("not_authed");
            }
            World.Token token = world.token(tokenValue);
            if (token == null) {
                return Answer.error("invalid_auth");
            }
            if (method.equals("apps.connections.open")) {
                return m.answer(new Call(null, token, args, exchange));
            }
            if (token.kind() == World.Token.Kind.APP) {
                // Slack refuses an app-level token on every method but the few made for it.
                return Answer.error("not_allowed_token_type");
            }
            Workspace w = token.workspace();
            Workspace.Limit limit = world.limits.get(method);
            if (limit != null) {
                long retryAfter = w.chargeMethod(method, limit);
                if (retryAfter > 0) {
                    return Answer.limited(retryAfter);
                }
            }
            return m.answer(new Call(w, token, args, exchange));
        }
    }
}
