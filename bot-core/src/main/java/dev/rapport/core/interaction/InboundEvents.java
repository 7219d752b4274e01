package dev.rapport.core.interaction;

import dev.rapport.core.chat.Platform;
import dev.rapport.core.database.SqlTime;
import java.time.Clock;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Platform events already handled, by the platform's own id (Slack's {@code event_id}). Stored in PostgreSQL, so a
 * redelivery is recognised whichever instance it reaches. The retention job forgets them after
 * {@code rapport.retention.inbound-events} (two days by default): Slack retries an event within minutes.
 */
@Service
public class InboundEvents {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    InboundEvents(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Records an event as handled; returns true the first time it is seen and false for every redelivery, across all
     * instances.
     */
    public boolean firstDelivery(Platform platform, String eventId) {
        if (eventId == null || eventId.isBlank()) {
            return true; // nothing to recognise it by; the handlers themselves are idempotent
        }
        return jdbc.update(
                        "insert into inbound_event (platform, event_id, received_at) values (?, ?, ?) on conflict do nothing",
                        platform.name(),
                        eventId.length() > 128 ? eventId.substring(0, 128) : eventId,
                        SqlTime.of(clock.instant()))
                == 1;
    }
}
