package dev.rapport.core.test;

import dev.rapport.core.chat.ChatMessage;
import dev.rapport.core.chat.ChatPort;
import dev.rapport.core.chat.Platform;
import dev.rapport.core.chat.Recipient;
import dev.rapport.core.chat.SendResult;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * A test double of the chat port (the core's one outbound edge): records every message and answers with
 * whatever the test scripts, by default "sent".
 */
public class RecordingChatPort implements ChatPort {

    /** One delivered message. */
    public record Delivery(Recipient recipient, ChatMessage message, String messageId) {}

    private final Platform platform;
    private final ConcurrentLinkedQueue<Delivery> deliveries = new ConcurrentLinkedQueue<>();
    private final AtomicLong ids = new AtomicLong();
    private volatile Function<Recipient, SendResult> script = r -> null;

    public RecordingChatPort(Platform platform) {
        this.platform = platform;
    }

    @Override
    public Platform platform() {
        return platform;
    }

    @Override
    public SendResult send(Recipient recipient, ChatMessage message) {
        SendResult scripted = script.apply(recipient);
        if (scripted != null) {
            return scripted;
        }
        String id = platform.name().toLowerCase() + "-" + ids.incrementAndGet();
        deliveries.add(new Delivery(recipient, message, id));
        return new SendResult.Sent(id);
    }

    /** Makes the port answer with {@code result} (null = deliver) for each send until changed. */
    public void script(Function<Recipient, SendResult> result) {
        this.script = result;
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
    }
}
