package dev.rapport.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class SlackEventsServletTest {

    static final String SECRET = "local-unit-signing-secret-0001";
    static final Instant NOW = Instant.parse("2026-12-05T10:00:00Z");
    static final byte[] BODY = "command=%2Frapport&text=health&team_id=T1&user_id=U1".getBytes(StandardCharsets.UTF_8);

    private final SlackEventsServlet servlet =
            new SlackEventsServlet(new App(new AppConfig()), SECRET, 1024, Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void a_signature_counts_only_with_the_secret_and_a_timestamp_within_five_minutes_either_way() throws Exception {
        assertThat(servlet.signedBySlack(ts(NOW), sign(SECRET, NOW, BODY), BODY))
                .isTrue();
        assertThat(servlet.signedBySlack(ts(NOW), sign("another-secret", NOW, BODY), BODY))
                .isFalse();
        Instant old = NOW.minus(Duration.ofMinutes(6));
        assertThat(servlet.signedBySlack(ts(old), sign(SECRET, old, BODY), BODY))
                .as("stale")
                .isFalse();
        Instant ahead = NOW.plus(Duration.ofMinutes(6));
        assertThat(servlet.signedBySlack(ts(ahead), sign(SECRET, ahead, BODY), BODY))
                .as("from the future: Bolt's own check lets any of these through")
                .isFalse();
        byte[] changed = "command=%2Frapport&text=end-pair&team_id=T1&user_id=U1".getBytes(StandardCharsets.UTF_8);
        assertThat(servlet.signedBySlack(ts(NOW), sign(SECRET, NOW, BODY), changed))
                .isFalse();
        assertThat(servlet.signedBySlack(ts(NOW), "v0=not-hex", BODY)).isFalse();
        assertThat(servlet.signedBySlack("yesterday", sign(SECRET, NOW, BODY), BODY))
                .isFalse();
        assertThat(servlet.signedBySlack(null, null, BODY)).isFalse();
    }

    @Test
    void without_a_signing_secret_nothing_is_signed_well_enough() throws Exception {
        SlackEventsServlet unsigned =
                new SlackEventsServlet(new App(new AppConfig()), null, 1024, Clock.fixed(NOW, ZoneOffset.UTC));
        assertThat(unsigned.signedBySlack(ts(NOW), sign(SECRET, NOW, BODY), BODY))
                .isFalse();
    }

    @Test
    void the_body_is_read_up_to_the_limit_and_no_further_without_ever_asking_for_nothing() throws IOException {
        byte[] big = new byte[10_000];
        assertThat(SlackEventsServlet.readAtMost(strict(big), 4097)).hasSize(4097);
        assertThat(SlackEventsServlet.readAtMost(strict(new byte[100]), 4097)).hasSize(100);
    }

    /** A stream that fails on a read of zero bytes, as a servlet stream may instead wait for more data. */
    private static InputStream strict(byte[] bytes) {
        return new ByteArrayInputStream(bytes) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                if (len == 0) {
                    throw new AssertionError("asked for zero bytes");
                }
                return super.read(b, off, len);
            }
        };
    }

    private static String ts(Instant at) {
        return Long.toString(at.getEpochSecond());
    }

    private static String sign(String secret, Instant at, byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        mac.update(("v0:" + ts(at) + ":").getBytes(StandardCharsets.UTF_8));
        return "v0=" + HexFormat.of().formatHex(mac.doFinal(body));
    }
}
