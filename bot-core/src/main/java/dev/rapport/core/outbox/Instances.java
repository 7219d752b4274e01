package dev.rapport.core.outbox;

import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The instances whose dispatch workers run, and what happens when one dies.
 *
 * <p>Each running instance beats a heartbeat into {@code dispatch_instance} every few seconds. An instance whose
 * heartbeat stopped for {@link DeliveryProperties#instanceTimeout()} crashed (a clean stop deletes its row after
 * giving its rows back): whichever instance notices deletes the row and releases every row the dead one held, so its
 * unsent rows go out within seconds, not after the five-minute lease, and its sends in flight are retried while the
 * platform can still recognise them (Discord forgets a nonce after a few minutes).
 *
 * <p>Heartbeats use the database's clock, the one clock every instance shares: this is about real seconds of
 * silence, not the application's {@link Clock}, which tests move freely.
 */
@Component
class Instances {

    private static final Logger log = LoggerFactory.getLogger(Instances.class);

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final DeliveryProperties properties;
    private final Claims claims;

    Instances(JdbcTemplate jdbc, Clock clock, DeliveryProperties properties, Claims claims) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.properties = properties;
        this.claims = claims;
    }

    /** Says that {@code instance} is alive (registering it the first time). */
    void beat(String instance) {
        jdbc.update("""
                insert into dispatch_instance (id, started_at, seen_at) values (?, now(), now())
                on conflict (id) do update set seen_at = now()""", instance);
    }

    /** Releases the rows of instances that stopped beating; returns how many rows were released. */
    @Transactional
    int recoverDead() {
        List<String> dead = jdbc.queryForList(
                "delete from dispatch_instance where seen_at < now() - ? * interval '1 millisecond' returning id",
                String.class,
                properties.instanceTimeout().toMillis());
        if (dead.isEmpty()) {
            return 0;
        }
        int released = claims.releaseDead(dead, clock.instant());
        log.warn(
                "Dispatch instance(s) {} stopped without a goodbye; released the {} message(s) they held, those they were"
                        + " sending to be checked before they are sent again",
                dead,
                released);
        return released;
    }

    /** A clean stop: the instance has given its rows back and leaves. */
    void leave(String instance) {
        jdbc.update("delete from dispatch_instance where id = ?", instance);
    }
}
