package dev.rapport.core.interaction;

import dev.rapport.core.chat.Platform;
import dev.rapport.core.database.SqlTime;
import java.time.Clock;
import java.time.Duration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Platform events already handled, by the platform's own id (Slack's {@code event_id}). Stored in PostgreSQL, so a
 * redelivery is recognised whichever instance it reaches. Ids are kept for {@link #KEPT}: Slack retries an event
 * within minutes, never days later.
 */
@Service
public class InboundEvents {

    /** How long a handled event id is remembered. */
    static final Duration KEPT = Duration.ofDays(2);

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

    /** Forgets event ids older than {@link #KEPT}; returns how many. */
    public int forgetOld() {
        return jdbc.update(
                "delete from inbound_event where received_at < ?",
                SqlTime.of(clock.instant().minus(KEPT)));
    }
}
