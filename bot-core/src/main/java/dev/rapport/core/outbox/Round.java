package dev.rapport.core.outbox;

import dev.rapport.core.chat.ChatMessage;
import dev.rapport.core.chat.ChatPort;
import dev.rapport.core.chat.Platform;
import dev.rapport.core.chat.Recipient;
import dev.rapport.core.chat.SendKey;
import dev.rapport.core.chat.SendResult;
import dev.rapport.core.operations.RapportMetrics;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One worker's pass over one claimed batch: decides which rows are sent at all, sends the rest in small groups, and
 * has every group's outcomes recorded before the next group begins (with the next group written into {@code dispatch_group}
 * in the same transaction). A new round is made for each batch; it is not shared between threads.
 */
final class Round {

    private static final Logger log = LoggerFactory.getLogger(Round.class);

    /** How long a row waits when this instance has no connection to its platform (it may be configured elsewhere). */
    static final Duration NO_CONNECTION_WAIT = Duration.ofMinutes(1);

    /** A row that is to be sent: its message and where to. */
    private record Ready(Claimed claimed, Recipient recipient, ChatMessage message) {}

    /** The collaborators a round needs, made once by the dispatcher. */
    record Crew(
            Clock clock,
            DeliveryProperties properties,
            Map<Platform, ChatPort> ports,
            Recipients recipients,
            Handlers handlers,
            OutcomeRecorder recorder,
            Outages outages,
            RapportMetrics metrics,
            BooleanSupplier stopping) {}

    private final Crew crew;
    private final String worker;
    private final String instance;
    /** When the group being sent began: a send in it whose outcome is unknown is in doubt from then. */
    private Instant groupBegan;

    private final List<Claimed> batch;
    private final Instant stopSendingAt;
    private final List<Outcome> pending = new ArrayList<>();
    private final Map<Long, String> names = new HashMap<>();
    /** Workspaces that answered 429 in this round, and until when: they get no more requests meanwhile. */
    private final Map<String, Instant> slowDown = new HashMap<>();

    private int sent;
    private int retried;
    private int failed;
    private int cancelled;
    private int expired;

    private final InFlightWindow window;

    /** @param window the worker's own window, kept from batch to batch so it need not grow again each time */
    Round(Crew crew, String worker, List<Claimed> batch, Instant claimedAt, InFlightWindow window) {
        this.crew = crew;
        this.worker = worker;
        this.instance = Dispatcher.instanceOf(worker);
        this.batch = batch;
        this.window = window;
        // Stop beginning sends well before the lease runs out, so no other worker takes a row this one still sends.
        this.stopSendingAt = claimedAt.plus(crew.properties().lease().dividedBy(2));
    }

    DispatchResult run() {
        Instant now = crew.clock().instant();
        Map<Long, Recipients.Who> who = crew.recipients().of(batch);
        who.forEach((id, w) -> names.put(id, w.recipient().displayName()));
        // Each row is rendered in its recipient's language, as it is at this moment.
        Map<Long, Rendering> rendered = crew.handlers()
                .render(
                        batch.stream()
                                .map(c -> {
                                    Recipients.Who w = who.get(c.row().recipientId());
                                    return w == null ? c.row() : c.row().in(w.language());
                                })
                                .toList(),
                        now);
        List<Ready> ready = new ArrayList<>(batch.size());
        for (Claimed c : batch) {
            Recipients.Who w = who.get(c.row().recipientId());
            Rendering r = rendered.get(c.id());
            if (w == null || w.left()) {
                add(new Outcome.Cancelled(c));
            } else if (r instanceof Rendering.Expire e) {
                add(new Outcome.Expired(c, e));
            } else if (w.unreachable()) {
                // The platform already said this person cannot be messaged; asking again only collects refusals.
                add(new Outcome.Failed(
                        c, "not sent: the platform said earlier that this person cannot be messaged", true, false));
            } else {
                ready.add(new Ready(c, w.recipient(), ((Rendering.Send) r).message()));
            }
        }
        int next = 0;
        while (next < ready.size()) {
            List<Ready> group = new ArrayList<>();
            while (next < ready.size() && group.size() < window.size()) {
                Ready r = ready.get(next++);
                Outcome held = holdBack(r);
                if (held == null) {
                    group.add(r);
                } else {
                    add(held);
                }
            }
            Set<Long> marked = record(group.stream().map(r -> r.claimed().id()).toList());
            groupBegan = crew.clock().instant();
            long started = System.nanoTime();
            for (Ready r : group) {
                if (!marked.contains(r.claimed().id())) {
                    continue; // another worker holds it now: its outcome is theirs to record
                }
                Outcome held = holdBack(r);
                add(held != null ? held : send(r));
            }
            window.took(group.size(), System.nanoTime() - started);
        }
        record(List.of());
        return new DispatchResult(sent, retried, failed, cancelled, expired);
    }

    /** Why a row must not be sent now, or null when it may. */
    private Outcome holdBack(Ready r) {
        Instant now = crew.clock().instant();
        if (crew.stopping().getAsBoolean() || now.isAfter(stopSendingAt)) {
            return new Outcome.Retry(r.claimed(), now, false, "not sent yet: its worker stopped", null);
        }
        if (!crew.ports().containsKey(r.recipient().platform())) {
            return new Outcome.Retry(
                    r.claimed(),
                    now.plus(NO_CONNECTION_WAIT),
                    false,
                    "no connection to " + r.recipient().platform() + " on this instance",
                    null);
        }
        if (crew.outages().down().covers(r.recipient())) {
            return new Outcome.Retry(r.claimed(), now, false, "the platform is unavailable", null);
        }
        Instant blockedUntil = slowDown.get(workspace(r.recipient()));
        if (blockedUntil != null && blockedUntil.isAfter(now)) {
            // The platform said "slow down" for this workspace: don't spend more requests on it (each 429 counts
            // towards Discord's invalid-request ban).
            return new Outcome.Retry(r.claimed(), blockedUntil, false, "rate limited", null);
        }
        return null;
    }

    private Outcome send(Ready r) {
        Claimed c = r.claimed();
        ChatPort port = crew.ports().get(r.recipient().platform());
        SendResult result;
        long started = System.nanoTime();
        try {
            result = port.send(r.recipient(), r.message(), new SendKey(c.id(), c.unknownSince()));
        } catch (RuntimeException e) {
            // A port should report, not throw. Whether the request left is unknown, so the row stays in doubt.
            log.warn("Chat port {} threw while sending outbox row {}: {}", port.platform(), c.id(), e.toString());
            result = new SendResult.Unavailable(
                    SendResult.Unavailable.Scope.WORKSPACE, e.getClass().getSimpleName(), true);
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        measure(port.platform(), c.row().kind(), result, took);
        return decide(r, result);
    }

    private Outcome decide(Ready r, SendResult result) {
        Claimed c = r.claimed();
        Instant now = crew.clock().instant();
        return switch (result) {
            case SendResult.Sent s -> {
                if (crew.outages().down().covers(r.recipient())) {
                    // Another instance saw an outage that this send shows is over.
                    crew.outages()
                            .recovered(r.recipient().platform(), r.recipient().workspaceId(), now);
                    crew.outages().recovered(r.recipient().platform(), "", now);
                }
                String resolution = c.unknownSince() == null ? null : s.alreadyThere() ? "FOUND" : "RESENT";
                yield new Outcome.Sent(c, s.messageId(), resolution);
            }
            case SendResult.RateLimited limited -> {
                Instant until = now.plus(limited.retryAfter());
                slowDown.merge(workspace(r.recipient()), until, (a, b) -> a.isAfter(b) ? a : b);
                yield new Outcome.Retry(c, until, false, "rate limited", null);
            }
            case SendResult.NotConnected n -> {
                // A short outage of the platform as far as this instance can tell: a probe ends it once connected.
                SendResult.Unavailable down =
                        new SendResult.Unavailable(SendResult.Unavailable.Scope.PLATFORM, n.reason(), false);
                crew.outages().trip(r.recipient(), down, now);
                yield new Outcome.Retry(c, now, false, n.reason(), null);
            }
            case SendResult.Unavailable u -> {
                crew.outages().trip(r.recipient(), u, now);
                yield new Outcome.Retry(c, now, false, u.reason(), u.mayHaveArrived() ? groupBegan : null);
            }
            case SendResult.TransientFailure f ->
                c.attempts() + 1 >= crew.properties().maxAttempts()
                        ? new Outcome.Failed(c, f.reason(), false, false)
                        : new Outcome.Retry(c, now.plus(Outcome.backoff(c.attempts() + 1)), true, f.reason(), null);
            case SendResult.PermanentFailure f -> new Outcome.Failed(c, f.reason(), false, false);
            case SendResult.Unreachable u -> new Outcome.Failed(c, u.reason(), true, true);
        };
    }

    private void add(Outcome o) {
        pending.add(o);
        switch (o) {
            case Outcome.Sent s -> sent++;
            case Outcome.Retry r -> retried++;
            case Outcome.Failed f -> failed++;
            case Outcome.Cancelled c -> cancelled++;
            case Outcome.Expired e -> {
                expired++;
                crew.metrics().expired(e.claimed().row().kind().name(), e.why().code());
            }
        }
    }

    /** Records what is pending and begins the group {@code next}, in one transaction; returns the ids begun. */
    private Set<Long> record(List<Long> next) {
        Set<Long> begun = crew.recorder()
                .record(worker, instance, pending, next, names, crew.clock().instant());
        pending.clear();
        return begun;
    }

    private void measure(Platform platform, OutboxKind kind, SendResult result, Duration took) {
        RapportMetrics metrics = crew.metrics();
        String p = platform.name();
        switch (result) {
            case SendResult.Sent s -> metrics.sent(p, kind.name(), took);
            case SendResult.RateLimited r -> metrics.rateLimited(p, took);
            case SendResult.NotConnected n -> metrics.notConnected(p, took);
            case SendResult.Unavailable u -> metrics.failed(p, "unavailable", took);
            case SendResult.TransientFailure f -> metrics.failed(p, "transient", took);
            case SendResult.PermanentFailure f -> metrics.failed(p, "permanent", took);
            case SendResult.Unreachable u -> metrics.failed(p, "unreachable", took);
        }
    }

    private static String workspace(Recipient r) {
        return r.platform() + "/" + r.workspaceId();
    }
}
