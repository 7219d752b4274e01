package dev.rapport.core.operations;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.Locale;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Rapport's counters and timers. Tags are few and bounded (platform, message kind, outcome, role), never a person,
 * a workspace or a message, so the number of series stays small at any scale.
 *
 * <ul>
 *   <li>{@code rapport.messages.sent} {platform, kind}: messages the platform accepted;
 *   <li>{@code rapport.messages.send} {platform}: the time one send took (a timer: count, sum, max, histogram);
 *   <li>{@code rapport.messages.rate.limited} {platform}: sends answered 429 (retried later, not a failure);
 *   <li>{@code rapport.messages.not.connected} {platform}: sends made while this instance had no connection to the
 *       platform (connecting, reconnecting or stopping): nothing sent, the message waits; not a rate limit;
 *   <li>{@code rapport.messages.failed} {platform, outcome}: {@code unavailable} (the platform is down: waits, never
 *       counts against the message), {@code transient} (retried), {@code permanent}, {@code unreachable} (the person
 *       cannot be messaged);
 *   <li>{@code rapport.messages.expired} {kind, reason}: messages that became pointless before they could be sent;
 *   <li>{@code rapport.delivery.outage.changes} {platform, state}: a platform or workspace went {@code down} or came
 *       back {@code up} (the current outages are the {@code rapport.delivery.outages} gauge);
 *   <li>{@code rapport.checkins.answered} {role}: check-ins completed.
 * </ul>
 */
@Component
public class RapportMetrics {

    private final MeterRegistry registry;

    @Autowired
    RapportMetrics(ObjectProvider<MeterRegistry> registry) {
        this.registry = registry.getIfAvailable(SimpleMeterRegistry::new);
    }

    /** For code outside Spring (benchmarks, tools): meters that go nowhere. */
    public static RapportMetrics unregistered() {
        return new RapportMetrics(new SimpleMeterRegistry());
    }

    private RapportMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void sent(String platform, String kind, Duration took) {
        Counter.builder("rapport.messages.sent")
                .description("Messages a chat platform accepted")
                .tag("platform", tag(platform))
                .tag("kind", tag(kind))
                .register(registry)
                .increment();
        timer(platform).record(took);
    }

    public void rateLimited(String platform, Duration took) {
        notSent(
                Counter.builder("rapport.messages.rate.limited")
                        .description("Sends a chat platform answered with 429; retried after Retry-After"),
                platform,
                took);
    }

    public void notConnected(String platform, Duration took) {
        notSent(
                Counter.builder("rapport.messages.not.connected")
                        .description(
                                "Sends made while this instance had no connection to the platform; retried, not sent"),
                platform,
                took);
    }

    /** A send that went nowhere and waits to be made again, counted by platform and timed. */
    private void notSent(Counter.Builder counter, String platform, Duration took) {
        counter.tag("platform", tag(platform)).register(registry).increment();
        timer(platform).record(took);
    }

    /** {@code outcome}: transient, permanent or unreachable. */
    public void failed(String platform, String outcome, Duration took) {
        Counter.builder("rapport.messages.failed")
                .description("Sends that failed: transient ones are retried")
                .tag("platform", tag(platform))
                .tag("outcome", tag(outcome))
                .register(registry)
                .increment();
        if (took != null) {
            timer(platform).record(took);
        }
    }

    /** {@code reason}: the handler's code, such as SUPERSEDED or TOO_LATE. */
    public void expired(String kind, String reason) {
        Counter.builder("rapport.messages.expired")
                .description("Messages that became pointless before they could be sent, never sent")
                .tag("kind", tag(kind))
                .tag("reason", tag(reason))
                .register(registry)
                .increment();
    }

    public void outageChanged(String platform, boolean down) {
        Counter.builder("rapport.delivery.outage.changes")
                .description("A platform or workspace became unavailable (down) or available again (up)")
                .tag("platform", tag(platform))
                .tag("state", down ? "down" : "up")
                .register(registry)
                .increment();
    }

    public void checkInAnswered(String role) {
        Counter.builder("rapport.checkins.answered")
                .description("Check-ins completed by their recipient")
                .tag("role", tag(role))
                .register(registry)
                .increment();
    }

    private Timer timer(String platform) {
        return Timer.builder("rapport.messages.send")
                .description("How long one send to a chat platform took")
                .tag("platform", tag(platform))
                .publishPercentileHistogram()
                .register(registry);
    }

    private static String tag(String value) {
        return value == null ? "unknown" : value.toLowerCase(Locale.ROOT);
    }
}
