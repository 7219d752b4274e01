package dev.rapport.localslack;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpExchange;
import dev.rapport.localkit.Http;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What the app's answers to a delivery show the person: a command's reply in its acknowledgement, a submission's
 * response action ({@code clear}, {@code errors}, {@code update}, {@code push}, or closing the modal), and the posts
 * to a {@code response_url} (5 within 30 minutes), which can also replace or delete the message clicked on.
 */
final class Replies {

    private final World world;
    private final ViewsMethods views;

    Replies(World world, ViewsMethods views) {
        this.world = world;
        this.views = views;
    }

    /** What an acknowledgement shows: a command's reply, a submission's response action. */
    void acknowledged(Delivery d, Ack ack) {
        JsonObject payload = ack.payload();
        switch (d.kind()) {
            case SLASH_COMMAND -> {
                if (payload != null && (payload.has("text") || payload.has("blocks"))) {
                    reply(d, payload, "ack");
                }
            }
            case VIEW_SUBMISSION -> submitted(d, payload);
            default -> {}
        }
    }

    private void submitted(Delivery d, JsonObject payload) {
        synchronized (world) {
            respondToSubmission(d, payload);
        }
    }

    private void respondToSubmission(Delivery d, JsonObject payload) {
        Optional<OpenedView> view = world.view(d.source.viewId());
        if (view.isEmpty()) {
            return;
        }
        OpenedView v = view.get();
        String action = payload == null ? null : OpenedView.string(payload, "response_action");
        if (action == null || action.isEmpty()) {
            world.closeView(v);
            return;
        }
        switch (action) {
            case "clear" -> {
                for (OpenedView open : world.openViews(v.teamId(), v.userId())) {
                    world.closeView(open);
                }
            }
            case "errors" -> {
                Map<String, String> errors = new LinkedHashMap<>();
                JsonElement e = payload.get("errors");
                if (e != null && e.isJsonObject()) {
                    for (Map.Entry<String, JsonElement> entry :
                            e.getAsJsonObject().entrySet()) {
                        errors.put(entry.getKey(), entry.getValue().getAsString());
                    }
                }
                OpenedView withErrors = v.with(true, errors);
                world.putView(withErrors);
            }
            case "update" -> {
                if (payload.has("view") && payload.get("view").isJsonObject()) {
                    views.update(v, payload.getAsJsonObject("view"));
                }
            }
            case "push" -> {
                if (payload.has("view") && payload.get("view").isJsonObject()) {
                    views.pushed(world.workspaceOf(v.teamId()), v.userId(), payload.getAsJsonObject("view"));
                }
            }
            default -> {}
        }
    }

    /** A reply through the acknowledgement or the {@code response_url}, as the person sees it. */
    private void reply(Delivery d, JsonObject body, String via) {
        Workspace w = world.workspaceOf(d.teamId());
        ResponsePost post = new ResponsePost(world.clock.instant(), body, 200, null);
        Delivery.Source src = d.source;
        boolean onMessage = src != null && src.ts() != null;
        if (post.deleteOriginal() && onMessage) {
            world.removedFromScreens(w.teamId, src.channel(), src.ts());
            return;
        }
        if (post.replaceOriginal() && onMessage) {
            world.replaced(w.teamId, src.channel(), src.ts(), src.ephemeral(), post.text(), post.blocksJson());
            return;
        }
        String channel = src != null && src.channel() != null ? src.channel() : w.dm(d.userId());
        Seen.Kind kind = "in_channel".equals(post.responseType()) ? Seen.Kind.MESSAGE : Seen.Kind.EPHEMERAL;
        world.seen(
                w.teamId, d.userId(), kind, world.nextTs(), channel, w.botUserId, post.text(), post.blocksJson(), via);
    }

    /** {@code POST response_url}: recorded against its delivery, within Slack's limits (5 uses, 30 minutes). */
    void responseUrl(HttpExchange exchange) throws IOException {
        if (!"POST".equalsIgnoreCase(exchange.getRequestMethod())) {
            Http.text(exchange, 405, "method not allowed");
            return;
        }
        byte[] raw = Http.body(exchange);
        World.ResponseUrl r =
                world.responseUrl(world.baseUrl() + exchange.getRequestURI().getPath());
        if (r == null) {
            Http.json(exchange, 404, Slack.error("invalid_url"));
            return;
        }
        Delivery d = r.delivery;
        JsonObject body;
        try {
            body = JsonParser.parseString(new String(raw, StandardCharsets.UTF_8))
                    .getAsJsonObject();
        } catch (RuntimeException e) {
            record(exchange, d, new JsonObject(), 400, "invalid_payload");
            return;
        }
        if (Duration.between(r.issued, world.clock.instant()).compareTo(LocalSlack.RESPONSE_URL_LIFETIME) > 0) {
            record(exchange, d, body, 404, "expired_url");
            return;
        }
        ResponsePost probe = new ResponsePost(world.clock.instant(), body, 200, null);
        if (!probe.deleteOriginal() && probe.text() == null && probe.blocksJson() == null) {
            record(exchange, d, body, 400, "no_text");
            return;
        }
        synchronized (d) {
            if (d.acceptedResponses() >= LocalSlack.RESPONSE_URL_USES) {
                record(exchange, d, body, 404, "used_url");
                return;
            }
            // Shown before it is recorded, so whoever awaits the post sees the screen it made.
            reply(d, body, "response_url");
            d.respond(probe);
        }
        Http.json(exchange, 200, Slack.ok());
    }

    private void record(HttpExchange exchange, Delivery d, JsonObject body, int status, String error)
            throws IOException {
        d.respond(new ResponsePost(world.clock.instant(), body, status, error));
        Http.json(exchange, status, Slack.error(error));
    }
}
