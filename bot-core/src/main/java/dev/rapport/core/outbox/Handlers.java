package dev.rapport.core.outbox;

import dev.rapport.core.chat.ChatMessage;
import dev.rapport.core.i18n.Catalogue;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The {@link OutboxHandler} of each kind; kinds that have none are sent as their stored text, rendered from the
 * catalogue in the recipient's language ({@link dev.rapport.core.i18n.Text}) or as written.
 */
@Component
class Handlers {

    private final Map<OutboxKind, OutboxHandler> byKind = new EnumMap<>(OutboxKind.class);

    private final Catalogue catalogue = Catalogue.standard();

    Handlers(List<OutboxHandler> handlers) {
        for (OutboxHandler handler : handlers) {
            for (OutboxKind kind : handler.kinds()) {
                OutboxHandler before = byKind.put(kind, handler);
                if (before != null) {
                    throw new IllegalStateException("Two outbox handlers for " + kind + ": " + before + ", " + handler);
                }
            }
        }
    }

    /** Renders a batch: each handler once, with its rows. */
    Map<Long, Rendering> render(List<OutboxRow> rows, Instant now) {
        Map<OutboxHandler, List<OutboxRow>> grouped = new LinkedHashMap<>();
        Map<Long, Rendering> out = new HashMap<>();
        for (OutboxRow row : rows) {
            OutboxHandler handler = byKind.get(row.kind());
            if (handler == null) {
                out.put(row.id(), Rendering.send(ChatMessage.text(catalogue.render(row.language(), row.payload()))));
            } else {
                grouped.computeIfAbsent(handler, h -> new ArrayList<>()).add(row);
            }
        }
        grouped.forEach((handler, mine) -> {
            Map<Long, Rendering> rendered = handler.render(mine, now);
            for (OutboxRow row : mine) {
                out.put(
                        row.id(),
                        rendered.getOrDefault(
                                row.id(), Rendering.expire("GONE", "what the message was about no longer exists")));
            }
        });
        return out;
    }

    /** Tells each handler the fates of its rows. */
    void settled(List<OutboxHandler.Settled> settled, Instant at) {
        Map<OutboxHandler, List<OutboxHandler.Settled>> grouped = new LinkedHashMap<>();
        for (OutboxHandler.Settled s : settled) {
            OutboxHandler handler = byKind.get(s.row().kind());
            if (handler != null) {
                grouped.computeIfAbsent(handler, h -> new ArrayList<>()).add(s);
            }
        }
        grouped.forEach((handler, mine) -> handler.settled(mine, at));
    }
}
