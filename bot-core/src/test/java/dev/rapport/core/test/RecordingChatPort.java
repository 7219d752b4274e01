package dev.rapport.core.test;

import dev.rapport.core.chat.ChatMessage;
import dev.rapport.core.chat.ChatPort;
import dev.rapport.core.chat.Platform;
import dev.rapport.core.chat.Recipient;
import dev.rapport.core.chat.SendKey;
import dev.rapport.core.chat.SendResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * A test double of the chat port (the core's one outbound edge): records every message and answers with whatever the
 * test scripts, by default "sent". Like the real ports, it recognises a send's key: a send in doubt whose earlier
 * attempt was delivered is answered with that delivery and not recorded again. A second delivery of the same outbox
 * row is recorded, so tests see any duplicate the dispatcher causes.
 */
public class RecordingChatPort implements ChatPort {

    /** One delivered message. */
    public record Delivery(Recipient recipient, ChatMessage message, String messageId, long outboxId) {}

    private final Platform platform;
    private final ConcurrentLinkedQueue<Delivery> deliveries = new ConcurrentLinkedQueue<>();
    private final AtomicLong ids = new AtomicLong();
    private volatile Function<Recipient, SendResult> script = r -> null;
    private volatile Function<Recipient, SendResult> answerLost = r -> null;
    private volatile Function<String, Probe> probes = workspace -> Probe.up();

    public RecordingChatPort(Platform platform) {
        this.platform = platform;
    }

    @Override
    public Platform platform() {
        return platform;
    }

    @Override
    public SendResult send(Recipient recipient, ChatMessage message, SendKey key) {
        SendResult scripted = script.apply(recipient);
        if (scripted != null) {
            return scripted;
        }
        if (key.inDoubt()) {
            Optional<Delivery> earlier = deliveries.stream()
                    .filter(d -> d.outboxId() == key.outboxId())
                    .findFirst();
            if (earlier.isPresent()) {
                return new SendResult.Sent(earlier.get().messageId(), true);
            }
        }
        String id = platform.name().toLowerCase(Locale.ROOT) + "-" + ids.incrementAndGet();
        deliveries.add(new Delivery(recipient, message, id, key.outboxId()));
        SendResult lost = answerLost.apply(recipient);
        return lost != null ? lost : new SendResult.Sent(id);
    }

    @Override
    public Probe probe(String workspaceId) {
        return probes.apply(workspaceId);
    }

    /** Makes the port answer with {@code result} (null = deliver) for each send until changed. */
    public void script(Function<Recipient, SendResult> result) {
        this.script = result;
    }

    /**
     * Delivers each message, then answers with {@code result} instead of "sent" when it is not null: the platform has
     * the message, but its answer was lost (a timeout), as Rapport sees it.
     */
    public void loseAnswers(Function<Recipient, SendResult> result) {
        this.answerLost = result;
    }

    /** Makes the port answer probes with {@code answer} until changed. */
    public void probes(Function<String, Probe> answer) {
        this.probes = answer;
    }

    public List<Delivery> deliveries() {
        return new ArrayList<>(deliveries);
    }

    public List<Delivery> to(String userId) {
        return deliveries.stream()
                .filter(d -> d.recipient().userId().equals(userId))
                .toList();
    }

    public void clear() {
        deliveries.clear();
        script = r -> null;
        answerLost = r -> null;
        probes = workspace -> Probe.up();
    }
}
