package dev.rapport.slack;

import com.google.gson.JsonParseException;
import com.slack.api.app_backend.SlackSignature;
import com.slack.api.bolt.App;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.util.QueryStringParser;
import com.slack.api.bolt.util.SlackRequestParser;
import dev.rapport.core.inbound.ErrorReference;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /slack/events}: what Slack posts in HTTP mode (commands, interactions, events), checked in this order before
 * Bolt handles it:
 *
 * <ol>
 *   <li><b>Size.</b> A body over {@link SlackProperties#maxRequestBytes()} gets 413: at once when its
 *       {@code Content-Length} says so, otherwise as soon as that many bytes have been read (a chunked body is counted
 *       while it streams and never held whole).
 *   <li><b>Signature.</b> Slack's {@code v0} HMAC-SHA256 of the body with the signing secret, compared in constant
 *       time, and a timestamp within 5 minutes of now either way; otherwise 401. Nothing else is looked at before.
 *   <li><b>Shape</b> ({@link SlackPayloads}): a signed body that is not a request Bolt recognises and Rapport's
 *       handlers can read gets 400, and never reaches Bolt's parser (which would log an unrecognised body whole).
 * </ol>
 *
 * <p>Then Bolt's parser and app run as its own servlet would run them, except that a failure is answered without
 * detail and logged without the body: the log gets the method, the size and a fixed reason, never contents.
 */
final class SlackEventsServlet extends HttpServlet {

    private static final Logger log = LoggerFactory.getLogger(SlackEventsServlet.class);

    static final String TIMESTAMP = "X-Slack-Request-Timestamp";
    static final String SIGNATURE = "X-Slack-Signature";

    /** How far a request's timestamp may be from now, either way (Slack's advice: 5 minutes). */
    static final Duration WINDOW = Duration.ofMinutes(5);

    private final transient App app;
    private final transient SlackRequestParser parser;
    /** Slack's v0 signature scheme, from the SDK; null without a signing secret. */
    private final transient SlackSignature.Generator signatures;

    private final long maxBytes;
    private final transient Clock clock;

    SlackEventsServlet(App app, String signingSecret, long maxBytes, Clock clock) {
        this.app = app;
        this.parser = new SlackRequestParser(app.config());
        // Without a secret (Socket Mode, where this servlet is not registered) nothing is ever signed well enough.
        this.signatures = SlackProperties.isSet(signingSecret) ? new SlackSignature.Generator(signingSecret) : null;
        this.maxBytes = Math.min(maxBytes, Integer.MAX_VALUE - 16);
        this.clock = clock;
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        long declared = req.getContentLengthLong();
        if (declared > maxBytes) {
            tooLarge(req, resp, declared + " bytes declared");
            return;
        }
        byte[] bytes;
        try {
            bytes = readAtMost(req.getInputStream(), maxBytes + 1);
        } catch (IOException e) {
            // A client that went away, or a broken chunked encoding: there is nobody to answer, or nothing to read.
            log.info(
                    "Slack request to {} not read: {}",
                    req.getRequestURI(),
                    e.getClass().getSimpleName());
            if (!resp.isCommitted()) {
                resp.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            }
            return;
        }
        if (bytes.length > maxBytes) {
            tooLarge(req, resp, "over " + maxBytes + " bytes sent");
            return;
        }
        String body = new String(bytes, StandardCharsets.UTF_8);
        if (!signedBySlack(req.getHeader(TIMESTAMP), req.getHeader(SIGNATURE), bytes)) {
            log.info(
                    "Refused a Slack request to {} ({} bytes): not signed with the signing secret, or stale",
                    req.getRequestURI(),
                    bytes.length);
            write(resp, Response.json(401, "{\"error\":\"invalid request\"}"));
            return;
        }
        switch (SlackPayloads.check(body)) {
            case SlackPayloads.Malformed m -> {
                malformed(req, resp, bytes.length, m.reason());
                return;
            }
            case SlackPayloads.Informational i -> {
                log.info("Slack says it is rate limiting its events to Rapport (app_rate_limited)");
                write(resp, Response.ok());
                return;
            }
            case SlackPayloads.ForBolt f -> {}
        }
        Request<?> slackRequest;
        try {
            slackRequest = parser.parse(SlackRequestParser.HttpRequest.builder()
                    .requestUri(req.getRequestURI())
                    .queryString(QueryStringParser.toMap(req.getQueryString()))
                    .headers(new RequestHeaders(headers(req)))
                    .requestBody(body)
                    .remoteAddress(req.getRemoteAddr())
                    .build());
        } catch (RuntimeException e) {
            malformed(
                    req,
                    resp,
                    bytes.length,
                    "Bolt could not read it (" + e.getClass().getSimpleName() + ")");
            return;
        }
        if (slackRequest == null) {
            malformed(req, resp, bytes.length, "Bolt did not recognise it");
            return;
        }
        Response answer;
        try {
            answer = app.run(slackRequest);
        } catch (JsonParseException | ClassCastException e) {
            // Bolt reads some parts of a payload only when a handler wants them: a field of the wrong type shows here.
            malformed(
                    req,
                    resp,
                    bytes.length,
                    "a field of the wrong type (" + e.getClass().getSimpleName() + ")");
            return;
        } catch (Exception e) {
            String reference = ErrorReference.create().id();
            // The exception's class and where it happened, not its message: a message may quote the payload.
            StackTraceElement[] where = e.getStackTrace();
            log.error(
                    "Slack request to {} failed (reference {}): {} at {}",
                    req.getRequestURI(),
                    reference,
                    e.getClass().getName(),
                    where.length > 0 ? where[0] : "?");
            write(resp, Response.json(500, "{\"error\":\"failed, reference " + reference + "\"}"));
            return;
        }
        write(resp, answer);
    }

    /**
     * Reads the body until its end or until {@code limit} bytes, whichever comes first. Never asks for zero bytes: a
     * servlet stream may wait for more data even then (Tomcat does), and a body cut at the limit has no end to reach.
     */
    static byte[] readAtMost(InputStream in, long limit) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[16 * 1024];
        long total = 0;
        while (total < limit) {
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, limit - total));
            if (n < 0) {
                break;
            }
            out.write(buffer, 0, n);
            total += n;
        }
        return out.toByteArray();
    }

    /** Slack's {@code v0} signature of this body, checked in constant time, with a timestamp within the window. */
    boolean signedBySlack(String timestamp, String signature, byte[] body) {
        if (signatures == null || timestamp == null || signature == null || !signature.startsWith("v0=")) {
            return false;
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestamp.strip());
        } catch (NumberFormatException e) {
            return false;
        }
        long now = clock.instant().getEpochSecond();
        if (Math.abs(now - seconds) > WINDOW.toSeconds()) {
            return false;
        }
        // The SDK computes the expected signature; the comparison is ours, in constant time, and the window above is
        // ours too (the SDK's verifier accepts any timestamp in the future).
        String expected = signatures.generate(timestamp, new String(body, StandardCharsets.UTF_8));
        return MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.US_ASCII), signature.getBytes(StandardCharsets.US_ASCII));
    }

    private void tooLarge(HttpServletRequest req, HttpServletResponse resp, String size) throws IOException {
        log.warn(
                "Refused a Slack request to {}: {} ({}), the most taken is {} bytes (RAPPORT_SLACK_MAX_REQUEST_BYTES)",
                req.getRequestURI(),
                "too large",
                size,
                maxBytes);
        // The rest of the body is not read: the connection closes after the answer.
        resp.setHeader("Connection", "close");
        write(resp, Response.json(413, "{\"error\":\"request too large\"}"));
        resp.flushBuffer();
    }

    private static void malformed(HttpServletRequest req, HttpServletResponse resp, int size, String reason)
            throws IOException {
        log.warn("Refused a signed Slack request to {} ({} bytes): {}", req.getRequestURI(), size, reason);
        write(resp, Response.json(400, "{\"error\":\"malformed request\"}"));
    }

    private static void write(HttpServletResponse resp, Response answer) throws IOException {
        resp.setStatus(answer.getStatusCode() == null ? 200 : answer.getStatusCode());
        if (answer.getHeaders() != null) {
            for (Map.Entry<String, List<String>> header : answer.getHeaders().entrySet()) {
                for (String value : header.getValue()) {
                    resp.addHeader(header.getKey(), value);
                }
            }
        }
        if (answer.getContentType() != null) {
            resp.setContentType(answer.getContentType());
        }
        resp.setCharacterEncoding(StandardCharsets.UTF_8);
        if (answer.getBody() != null) {
            byte[] bytes = answer.getBody().getBytes(StandardCharsets.UTF_8);
            resp.setContentLength(bytes.length);
            resp.getOutputStream().write(bytes);
        }
    }

    private static Map<String, List<String>> headers(HttpServletRequest req) {
        Map<String, List<String>> headers = new HashMap<>();
        for (String name : Collections.list(req.getHeaderNames())) {
            headers.put(name, new ArrayList<>(Collections.list(req.getHeaders(name))));
        }
        return headers;
    }
}
