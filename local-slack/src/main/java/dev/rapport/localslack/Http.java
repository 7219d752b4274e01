package dev.rapport.localslack;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpExchange;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** Small HTTP helpers shared by the local Slack's handlers: reading arguments and bodies, writing answers. */
final class Http {

    static final Gson GSON = new Gson();

    private Http() {}

    static byte[] body(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            return in.readAllBytes();
        }
    }

    /**
     * A Web API call's arguments, as Slack reads them: the query string, then the body, form-encoded or a JSON object
     * (non-string JSON values are kept as their JSON text, as Slack takes {@code blocks} either way).
     */
    static Map<String, String> arguments(HttpExchange exchange, byte[] body) {
        Map<String, String> args = new LinkedHashMap<>();
        parseForm(exchange.getRequestURI().getRawQuery(), args);
        String text = new String(body, StandardCharsets.UTF_8);
        if (text.isBlank()) {
            return args;
        }
        String type = exchange.getRequestHeaders().getFirst("Content-Type");
        if (type != null && type.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            JsonObject json = JsonParser.parseString(text).getAsJsonObject();
            for (Map.Entry<String, JsonElement> e : json.entrySet()) {
                JsonElement v = e.getValue();
                if (!v.isJsonNull()) {
                    args.put(e.getKey(), v.isJsonPrimitive() ? v.getAsString() : v.toString());
                }
            }
        } else {
            parseForm(text, args);
        }
        return args;
    }

    static Map<String, String> form(String raw) {
        Map<String, String> into = new LinkedHashMap<>();
        parseForm(raw, into);
        return into;
    }

    static void parseForm(String raw, Map<String, String> into) {
        if (raw == null || raw.isEmpty()) {
            return;
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            into.put(URLDecoder.decode(key, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
    }

    static String formEncode(Map<String, String> fields) {
        StringBuilder out = new StringBuilder();
        for (Map.Entry<String, String> e : fields.entrySet()) {
            if (!out.isEmpty()) {
                out.append('&');
            }
            out.append(encode(e.getKey())).append('=').append(encode(e.getValue() == null ? "" : e.getValue()));
        }
        return out.toString();
    }

    static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** The bearer token of a request, or its {@code token} argument. */
    static String bearer(HttpExchange exchange, Map<String, String> args) {
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return header.substring(7).trim();
        }
        return args.get("token");
    }

    /** The {@code user:password} of HTTP Basic authentication, split in two, or {@code null}. */
    static String[] basic(HttpExchange exchange) {
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        try {
            String decoded =
                    new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0 ? null : new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)};
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static void json(HttpExchange exchange, int status, JsonObject body) throws IOException {
        send(
                exchange,
                status,
                "application/json; charset=utf-8",
                GSON.toJson(body).getBytes(StandardCharsets.UTF_8));
    }

    static void text(HttpExchange exchange, int status, String body) throws IOException {
        send(exchange, status, "text/plain; charset=utf-8", body.getBytes(StandardCharsets.UTF_8));
    }

    static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    static JsonObject ok() {
        JsonObject body = new JsonObject();
        body.addProperty("ok", true);
        return body;
    }

    static JsonObject error(String error) {
        JsonObject body = new JsonObject();
        body.addProperty("ok", false);
        body.addProperty("error", error);
        return body;
    }

    /**
     * The bytes of an upload: the raw body (what the Java SDK's {@code filesUploadV2} sends), or the first file part of
     * a {@code multipart/form-data} body (what browsers and other SDKs send).
     */
    static byte[] uploadedBytes(String contentType, byte[] body) {
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
            return body;
        }
        int at = contentType.toLowerCase(Locale.ROOT).indexOf("boundary=");
        if (at < 0) {
            return body;
        }
        String boundary = contentType.substring(at + "boundary=".length()).trim();
        if (boundary.startsWith("\"") && boundary.endsWith("\"") && boundary.length() > 1) {
            boundary = boundary.substring(1, boundary.length() - 1);
        }
        byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        byte[] headerEnd = "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1);
        int from = indexOf(body, delimiter, 0);
        while (from >= 0) {
            int headersStart = from + delimiter.length + 2;
            int headersStop = indexOf(body, headerEnd, headersStart);
            if (headersStop < 0) {
                break;
            }
            String headers = new String(body, headersStart, headersStop - headersStart, StandardCharsets.ISO_8859_1);
            int contentStart = headersStop + headerEnd.length;
            int next = indexOf(body, delimiter, contentStart);
            if (next < 0) {
                break;
            }
            if (headers.toLowerCase(Locale.ROOT).contains("filename=")
                    || headers.toLowerCase(Locale.ROOT).contains("name=\"file\"")) {
                ByteArrayOutputStream part = new ByteArrayOutputStream();
                part.write(body, contentStart, Math.max(0, next - 2 - contentStart)); // drop the CRLF before it
                return part.toByteArray();
            }
            from = next;
        }
        return body;
    }

    private static int indexOf(byte[] haystack, byte[] needle, int from) {
        outer:
        for (int i = Math.max(0, from); i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
