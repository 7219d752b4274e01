package dev.rapport.core.outbox;

import dev.rapport.core.chat.ChatPort;
import dev.rapport.core.chat.Platform;
import dev.rapport.core.operations.RapportMetrics;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Sends outbox rows through the chat ports: checks on platforms that are down ({@link Outages}), claims a batch
 * ({@link Claims}), and sends it in a {@link Round}, whose outcomes {@link OutcomeRecorder} makes durable group by
 * group. Several workers on several instances run this at once; the database keeps them apart.
 */
@Service
public class Dispatcher {

    private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);

    private final Claims claims;
    private final Outages outages;
    private final Round.Crew crew;
    /** Each worker's in-flight window; a worker is one thread, so its window is never shared. */
    private final Map<String, InFlightWindow> windows = new java.util.concurrent.ConcurrentHashMap<>();
    /** Set when the instance shuts down: the rest of each batch goes back to waiting, unsent, for another instance. */
    private volatile boolean stopping;

    Dispatcher(
            Clock clock,
            DeliveryProperties properties,
            List<ChatPort> chatPorts,
            Claims claims,
            Recipients recipients,
            Handlers handlers,
            OutcomeRecorder recorder,
            Outages outages,
            RapportMetrics metrics) {
        this.claims = claims;
        this.outages = outages;
        Map<Platform, ChatPort> ports = new EnumMap<>(Platform.class);
        for (ChatPort port : chatPorts) {
            ports.put(port.platform(), port);
        }
        this.crew = new Round.Crew(
                clock, properties, ports, recipients, handlers, recorder, outages, metrics, () -> stopping);
    }

    /** Sends everything that is ready now, with one worker; returns what happened. */
    public DispatchResult drain(String workerId) {
        DispatchResult total = DispatchResult.NONE;
        while (true) {
            DispatchResult r = dispatchBatch(workerId);
            if (r.total() == 0) {
                return total;
            }
            total = total.plus(r);
        }
    }

    /**
     * Probes what is down, then claims one batch, sends it and records the outcomes. Returns an empty result when
     * nothing was ready.
     *
     * @param workerId {@code instance/worker}: the part before the last slash names the instance whose heartbeat
     *     vouches for the claim
     */
    public DispatchResult dispatchBatch(String workerId) {
        Instant now = crew.clock().instant();
        probe(now);
        List<Claimed> batch = claims.claim(
                workerId,
                instanceOf(workerId),
                crew.properties().batchSize(),
                now,
                crew.properties().lease(),
                outages.down());
        if (batch.isEmpty()) {
            return DispatchResult.NONE;
        }
        InFlightWindow window = windows.computeIfAbsent(
                workerId,
                w -> new InFlightWindow(
                        crew.properties().maxInFlight(), crew.properties().recordWithin()));
        return new Round(crew, workerId, batch, now, window).run();
    }

    /**
     * Stops sending: each worker's current batch records what it sent and gives the rest back (pending, its attempt
     * not counted), so a shutting-down instance finishes within one send and loses nothing.
     */
    public void stopSending() {
        stopping = true;
    }

    /** Sends again after {@link #stopSending()} (the workers were started again). */
    public void resumeSending() {
        stopping = false;
    }

    /**
     * Gives back what a worker held when its batch failed half way (the database briefly gone, an error in a port),
     * so its rows need not wait for the lease. Rows it was sending are retried in doubt.
     */
    public int releaseAll(String workerId) {
        return claims.releaseAll(workerId, crew.clock().instant());
    }

    /** Asks each platform whose probe is due whether it works again. */
    private void probe(Instant now) {
        for (Outages.Outage outage : outages.probesDue(now)) {
            ChatPort port = crew.ports().get(outage.platform());
            ChatPort.Probe answer;
            if (port == null) {
                answer = ChatPort.Probe.down("no connection to " + outage.platform() + " on this instance");
            } else {
                try {
                    answer = port.probe(outage.workspaceId());
                } catch (RuntimeException e) {
                    answer = ChatPort.Probe.down(e.getClass().getSimpleName());
                }
            }
            if (answer.available()) {
                outages.recovered(
                        outage.platform(), outage.workspaceId(), crew.clock().instant());
            } else {
                log.debug("{} is still unavailable: {}", outage.describe(), answer.reason());
                outages.stillDown(outage, answer.reason());
            }
        }
    }

    static String instanceOf(String workerId) {
        int slash = workerId.lastIndexOf('/');
        return slash > 0 ? workerId.substring(0, slash) : workerId;
    }
}
