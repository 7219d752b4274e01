package dev.rapport.localkit;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpExchange;
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

/**
 * The HTTP plumbing of a local platform on the JDK's HTTP server: reading a request's body, query and form arguments,
 * JSON, and credentials, and writing answers. Nothing here knows a platform's protocol; what an argument means and how
 * an answer looks is each platform's business.
 */
public final class Http {

    /** Discord's JSON content type. */
    public static final String JSON = "application/json";

    /** Slack's JSON content type. */
    public static final String JSON_UTF8 = "application/json; charset=utf-8";

    public static final String TEXT_UTF8 = "text/plain; charset=utf-8";

    private Http() {}

    /** The whole request body. */
    public static byte[] body(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            return in.readAllBytes();
        }
    }

    /** The request's query arguments, decoded, in order; a repeated name keeps its last value. */
    public static Map<String, String> query(HttpExchange exchange) {
        return form(exchange.getRequestURI().getRawQuery());
    }

    /** Form-encoded arguments ({@code a=1&b=two}), decoded, in order; a repeated name keeps its last value. */
    public static Map<String, String> form(String raw) {
        Map<String, String> into = new LinkedHashMap<>();
        parseForm(raw, into);
        return into;
    }

    /** Adds form-encoded arguments to {@code into}, replacing any of the same name. */
    public static void parseForm(String raw, Map<String, String> into) {
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
            into.put(decode(key), decode(value));
        }
    }

    /** Arguments form-encoded; a {@code null} value is sent empty. */
    public static String formEncode(Map<String, String> fields) {
        StringBuilder out = new StringBuilder();
        for (Map.Entry<String, String> e : fields.entrySet()) {
            if (!out.isEmpty()) {
                out.append('&');
            }
            out.append(encode(e.getKey())).append('=').append(encode(e.getValue() == null ? "" : e.getValue()));
        }
        return out.toString();
    }

    /** One value form-encoded (UTF-8, a space as {@code +}). */
    public static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** One form-encoded value or path segment decoded (UTF-8). */
    public static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    /** The request's {@code Content-Type}, or {@code null}. */
    public static String contentType(HttpExchange exchange) {
        return exchange.getRequestHeaders().getFirst("Content-Type");
    }

    /** Whether a content type is JSON's ({@code application/json}, with or without parameters). */
    public static boolean isJson(String contentType) {
        return contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("application/json");
    }

    /** A body as JSON (UTF-8); throws a {@link RuntimeException} if it is not JSON. */
    public static JsonElement parseJson(byte[] body) {
        return JsonParser.parseString(new String(body, StandardCharsets.UTF_8));
    }

    /** The token of an {@code Authorization: Bearer} header, or {@code null}. */
    public static String bearer(HttpExchange exchange) {
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return header.substring(7).trim();
        }
        return null;
    }

    /** The {@code user:password} of HTTP Basic authentication, split in two, or {@code null}. */
    public static String[] basic(HttpExchange exchange) {
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

    /** Answers with JSON as {@link #JSON_UTF8}. */
    public static void json(HttpExchange exchange, int status, JsonElement body) throws IOException {
        json(exchange, status, JSON_UTF8, body);
    }

    /** Answers with JSON under the given content type. */
    public static void json(HttpExchange exchange, int status, String contentType, JsonElement body)
            throws IOException {
        send(exchange, status, contentType, body.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** Answers with plain text (UTF-8). */
    public static void text(HttpExchange exchange, int status, String body) throws IOException {
        send(exchange, status, TEXT_UTF8, body.getBytes(StandardCharsets.UTF_8));
    }

    /** Answers with a status and no body at all. */
    public static void empty(HttpExchange exchange, int status) throws IOException {
        exchange.sendResponseHeaders(status, -1);
    }

    /** Answers with bytes of a content type; none is an answer without a body. */
    public static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }
}
