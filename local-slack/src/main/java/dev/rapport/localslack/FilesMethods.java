package dev.rapport.localslack;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpExchange;
import dev.rapport.localkit.Http;
import dev.rapport.localkit.Multipart;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The three steps of {@code filesUploadV2}: {@code files.getUploadURLExternal}, the upload to the URL it hands out,
 * {@code files.completeUploadExternal}; and the downloads of {@code url_private}, for a bot token of the file's
 * workspace.
 */
final class FilesMethods {

    private final World world;

    FilesMethods(World world) {
        this.world = world;
    }

    Answer getUploadUrl(WebApi.Call call) {
        Workspace w = call.workspace();
        Map<String, String> args = call.args();
        String filename = args.get("filename");
        String length = args.get("length");
        if (Slack.blank(filename) || Slack.blank(length)) {
            return Answer.invalid("[ERROR] missing required field: " + (Slack.blank(filename) ? "filename" : "length"));
        }
        long bytes;
        try {
            bytes = Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return Answer.invalid("[ERROR] length must be an integer");
        }
        String fileId = String.format("F%010d", world.nextNumber());
        String secret = world.hex(12);
        // alt_txt: the description of an image a screen reader speaks, given with the upload's first step.
        String altTxt = Slack.blank(args.get("alt_txt")) ? null : args.get("alt_txt");
        world.pendingUpload(new Files.Pending(fileId, w.teamId, w.botUserId, filename, bytes, altTxt, secret));
        JsonObject body = Slack.ok();
        body.addProperty("upload_url", world.baseUrl() + "/upload/v1/" + secret);
        body.addProperty("file_id", fileId);
        return Answer.ok(body);
    }

    Answer completeUpload(WebApi.Call call) {
        Workspace w = call.workspace();
        Map<String, String> args = call.args();
        JsonArray files;
        try {
            files = JsonParser.parseString(args.getOrDefault("files", "")).getAsJsonArray();
        } catch (RuntimeException e) {
            return Answer.invalid("[ERROR] files must be a JSON array of {id, title} [json-pointer:/files]");
        }
        if (files.isEmpty()) {
            return Answer.invalid("[ERROR] files must not be empty [json-pointer:/files]");
        }
        List<String> channels = new ArrayList<>();
        String channelList = args.get("channels");
        String channelId = args.get("channel_id");
        if (!Slack.blank(channelList)) {
            for (String c : channelList.split(",")) {
                channels.add(c.trim());
            }
        } else if (!Slack.blank(channelId)) {
            channels.add(channelId.trim());
        }
        for (String c : channels) {
            if (!w.userByDm.containsKey(c) && !(c.startsWith("C") || c.startsWith("G"))) {
                return Answer.error("channel_not_found");
            }
        }
        List<Files.Pending> pending = new ArrayList<>();
        List<String> titles = new ArrayList<>();
        for (JsonElement f : files) {
            JsonObject detail = f.getAsJsonObject();
            Optional<Files.Pending> p = world.pendingById(OpenedView.string(detail, "id"));
            if (p.isEmpty() || !p.get().teamId.equals(w.teamId) || p.get().bytes == null) {
                return Answer.error("file_not_found");
            }
            pending.add(p.get());
            titles.add(OpenedView.string(detail, "title"));
        }
        String comment = args.get("initial_comment");
        JsonArray answered = new JsonArray();
        for (int i = 0; i < pending.size(); i++) {
            Files.Pending p = pending.get(i);
            String title = titles.get(i) == null ? p.filename : titles.get(i);
            UploadedFile file = held(
                    world.baseUrl(),
                    p.fileId,
                    w.teamId,
                    p.userId,
                    p.filename,
                    title,
                    p.altTxt,
                    p.bytes,
                    channels,
                    comment);
            world.completeUpload(p, file);
            for (String c : channels) {
                String viewer = w.userByDm.get(c);
                if (viewer != null) {
                    world.seen(
                            w.teamId,
                            viewer,
                            Seen.Kind.FILE,
                            file.id(),
                            c,
                            p.userId,
                            title,
                            null,
                            "files.completeUploadExternal");
                }
            }
            answered.add(fileJson(file, w, world.clock.instant()));
        }
        JsonObject body = Slack.ok();
        body.add("files", answered);
        return Answer.ok(body);
    }

    /** A file as the local Slack holds it, downloadable from its {@code url_private} under {@code baseUrl}. */
    static UploadedFile held(
            String baseUrl,
            String id,
            String teamId,
            String userId,
            String name,
            String title,
            String altTxt,
            byte[] bytes,
            List<String> channels,
            String comment) {
        String url = baseUrl + "/files-pri/" + teamId + "-" + id + "/"
                + Http.encode(name).replace("+", "%20");
        return new UploadedFile(
                id, teamId, userId, name, title, altTxt, Files.typeOf(name)[0], bytes, channels, comment, url);
    }

    /** A file object as Slack's file methods and {@code file_input} values carry it. */
    static JsonObject fileJson(UploadedFile f, Workspace w, Instant now) {
        String[] type = Files.typeOf(f.name());
        JsonObject o = new JsonObject();
        o.addProperty("id", f.id());
        o.addProperty("created", now.getEpochSecond());
        o.addProperty("timestamp", now.getEpochSecond());
        o.addProperty("name", f.name());
        o.addProperty("title", f.title());
        o.addProperty("mimetype", type[0]);
        o.addProperty("filetype", type[1]);
        o.addProperty("pretty_type", type[1].toUpperCase(Locale.ROOT));
        o.addProperty("user", f.userId());
        o.addProperty("user_team", f.teamId());
        o.addProperty("editable", false);
        o.addProperty("size", f.bytes().length);
        o.addProperty("mode", "hosted");
        o.addProperty("is_external", false);
        o.addProperty("external_type", "");
        o.addProperty("is_public", false);
        o.addProperty("public_url_shared", false);
        o.addProperty("display_as_bot", false);
        o.addProperty("username", "");
        o.addProperty("url_private", f.urlPrivate());
        o.addProperty("url_private_download", f.urlPrivate().replaceFirst("/([^/]*)$", "/download/$1"));
        o.addProperty("permalink", "https://" + w.domain + ".slack.local/files/" + f.userId() + "/" + f.id());
        o.addProperty("permalink_public", "https://slack-files.local/" + f.teamId() + "-" + f.id());
        o.addProperty("file_access", "visible");
        JsonArray ims = new JsonArray();
        JsonArray channels = new JsonArray();
        for (String c : f.channels()) {
            (c.startsWith("D") ? ims : channels).add(c);
        }
        o.add("channels", channels);
        o.add("groups", new JsonArray());
        o.add("ims", ims);
        o.addProperty("comments_count", 0);
        return o;
    }

    /** {@code POST <upload_url>}: the bytes of a pending upload, raw or as a multipart form. */
    void upload(HttpExchange exchange) throws IOException {
        if (!"POST".equalsIgnoreCase(exchange.getRequestMethod())) {
            Http.text(exchange, 405, "method not allowed");
            return;
        }
        String path = exchange.getRequestURI().getPath();
        String secret = path.substring(path.lastIndexOf('/') + 1);
        Optional<Files.Pending> pending = world.pendingBySecret(secret);
        byte[] body = Http.body(exchange);
        if (pending.isEmpty()) {
            Http.text(exchange, 404, "upload URL not found");
            return;
        }
        byte[] bytes = uploadedBytes(Http.contentType(exchange), body);
        world.uploaded(pending.get(), bytes);
        Http.text(exchange, 200, "OK - " + bytes.length);
    }

    /** {@code GET url_private}: the file's bytes, for a bearer token of its workspace. */
    void download(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath(); // /files-pri/T…-F…/[download/]name
        String[] parts = path.substring("/files-pri/".length()).split("/");
        String teamAndId = parts[0];
        int dash = teamAndId.lastIndexOf('-');
        String fileId = dash < 0 ? "" : teamAndId.substring(dash + 1);
        Optional<UploadedFile> file = world.file(fileId);
        World.Token t = world.token(Http.bearer(exchange));
        if (file.isEmpty()) {
            Http.text(exchange, 404, "file not found");
            return;
        }
        if (t == null
                || t.workspace() == null
                || !t.workspace().teamId.equals(file.get().teamId())) {
            // Slack answers an unauthenticated download with its sign-in page, never the bytes.
            Http.text(exchange, 403, "sign in to download this file");
            return;
        }
        byte[] bytes = file.get().bytes();
        exchange.getResponseHeaders()
                .set("Content-Disposition", "attachment; filename=\"" + Http.decode(parts[parts.length - 1]) + "\"");
        Http.send(exchange, 200, file.get().mimetype(), bytes);
    }

    /**
     * The bytes of an upload: the raw body (what the Java SDK's {@code filesUploadV2} sends), or the first file part of
     * a {@code multipart/form-data} body (what browsers and other SDKs send).
     */
    private static byte[] uploadedBytes(String contentType, byte[] body) {
        if (!Multipart.is(contentType)) {
            return body;
        }
        try {
            return Multipart.firstFile(Multipart.parse(contentType, body))
                    .map(Multipart.Part::bytes)
                    .orElse(body);
        } catch (IllegalArgumentException noBoundary) {
            return body;
        }
    }
}
