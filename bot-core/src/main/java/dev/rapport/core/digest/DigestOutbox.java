package dev.rapport.core.digest;

import dev.rapport.core.i18n.Text;
import dev.rapport.core.outbox.OutboxHandler;
import dev.rapport.core.outbox.OutboxKind;
import dev.rapport.core.outbox.OutboxRow;
import dev.rapport.core.outbox.Rendering;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Digests as outbox rows: rendered in the coordinator's language when sent, with their buttons; expired when the
 * coordinator turned the digest off, or no longer coordinates the programme, while it waited.
 */
@Component
class DigestOutbox implements OutboxHandler {

    private final JdbcTemplate jdbc;

    DigestOutbox(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Set<OutboxKind> kinds() {
        return Set.of(OutboxKind.DIGEST);
    }

    @Override
    public Map<Long, Rendering> render(List<OutboxRow> rows, Instant now) {
        Map<Long, Rendering> out = new HashMap<>();
        for (OutboxRow row : rows) {
            Optional<Text> text = row.payload() == null ? Optional.empty() : Text.decode(row.payload());
            if (text.isEmpty()) {
                out.put(row.id(), Rendering.expire("ERASED", "the digest's text was erased"));
                continue;
            }
            Object programmeId = text.get().args().get("programmeId");
            if (!wanted(row.recipientId(), programmeId)) {
                out.put(row.id(), Rendering.expire("NOT_WANTED", "the digest was turned off, or its coordinator left"));
                continue;
            }
            out.put(row.id(), Rendering.send(DigestComposer.message(text.get(), row.language())));
        }
        return out;
    }

    private boolean wanted(long recipientId, Object programmeId) {
        Boolean wanted = jdbc.queryForObject("""
                select exists (select 1 from coordinator c where c.programme_id = ? and c.participant_id = ?)
                   and not exists (select 1 from digest_opt_out d where d.programme_id = ? and d.participant_id = ?)""", Boolean.class, programmeId, recipientId, programmeId, recipientId);
        return Boolean.TRUE.equals(wanted);
    }
}
