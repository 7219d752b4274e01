package dev.rapport.core.outbox;

import dev.rapport.core.chat.Platform;
import dev.rapport.core.chat.Recipient;
import dev.rapport.core.chat.SendResult;
import dev.rapport.core.database.SqlTime;
import dev.rapport.core.operations.RapportMetrics;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Platforms and workspaces that are down, shared by every instance through {@code delivery_outage}.
 *
 * <p>The first send that meets a platform-level failure records the outage; from then on no instance claims rows
 * for it, so no message spends its attempts on it and nothing is marked failed. One instance at a time probes it
 * ({@link dev.rapport.core.chat.ChatPort#probe}), at growing intervals up to a minute; the probe that finds it back
 * ends the outage and the waiting rows go out. Each change is logged once, by the instance that made it, never once
 * per message; coordinators are never told (an outage is not a pair's problem).
 */
@Component
public class Outages {

    private static final Logger log = LoggerFactory.getLogger(Outages.class);

    /** How often the list of outages is read again from the database; they change rarely. */
    private static final long FRESH_NANOS = Duration.ofSeconds(1).toNanos();

    private static final Duration FIRST_PROBE = Duration.ofSeconds(5);

    /**
     * One outage, as operators see it.
     *
     * @param workspaceId the workspace that is down, or empty when the whole platform is
     */
    public record Outage(
            Platform platform, String workspaceId, Instant since, String reason, Instant nextProbeAt, int probes) {

        /** "Slack workspace T0123" or "Discord". */
        public String describe() {
            String name =
                    platform.name().charAt(0) + platform.name().substring(1).toLowerCase(java.util.Locale.ROOT);
            return workspaceId.isEmpty() ? name : name + " workspace " + workspaceId;
        }
    }

    /** The outages as the claim query needs them. */
    record Down(String[] platforms, String[] workspaces) {

        static final Down NONE = new Down(new String[0], new String[0]);

        boolean isEmpty() {
            return platforms.length == 0 && workspaces.length == 0;
        }

        boolean covers(Recipient r) {
            for (String p : platforms) {
                if (p.equals(r.platform().name())) {
                    return true;
                }
            }
            String key = r.platform().name() + "/" + r.workspaceId();
            for (String w : workspaces) {
                if (w.equals(key)) {
                    return true;
                }
            }
            return false;
        }
    }

    private final JdbcTemplate jdbc;
    private final DeliveryProperties properties;
    private final RapportMetrics metrics;
    private volatile Down down = Down.NONE;
    private volatile long readAt;

    Outages(JdbcTemplate jdbc, DeliveryProperties properties, RapportMetrics metrics) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.metrics = metrics;
    }

    /** Every current outage. */
    public List<Outage> current() {
        return jdbc.query(
                "select platform, workspace_id, since, reason, next_probe_at, probes from delivery_outage order by since",
                Outages::outage);
    }

    /** What is down, as read at most a second ago. */
    Down down() {
        long now = System.nanoTime();
        if (readAt == 0 || now - readAt > FRESH_NANOS) {
            refresh();
        }
        return down;
    }

    private void refresh() {
        List<String> platforms = new ArrayList<>();
        List<String> workspaces = new ArrayList<>();
        jdbc.query("select platform, workspace_id from delivery_outage", rs -> {
            String w = rs.getString("workspace_id");
            if (w.isEmpty()) {
                platforms.add(rs.getString("platform"));
            } else {
                workspaces.add(rs.getString("platform") + "/" + w);
            }
        });
        down = new Down(platforms.toArray(String[]::new), workspaces.toArray(String[]::new));
        readAt = System.nanoTime();
    }

    /** Records that a send met an outage; logs it if it is news. */
    void trip(Recipient recipient, SendResult.Unavailable failure, Instant now) {
        String workspace = failure.scope() == SendResult.Unavailable.Scope.PLATFORM ? "" : recipient.workspaceId();
        int inserted = jdbc.update(
                """
                insert into delivery_outage (platform, workspace_id, since, reason, next_probe_at)
                values (?, ?, ?, ?, ?) on conflict do nothing""",
                recipient.platform().name(),
                workspace,
                SqlTime.of(now),
                truncate(failure.reason()),
                SqlTime.of(now.plus(FIRST_PROBE)));
        if (inserted == 1) {
            Outage o = new Outage(recipient.platform(), workspace, now, failure.reason(), now.plus(FIRST_PROBE), 0);
            log.warn(
                    "{} is unavailable ({}): messages to it wait in the outbox, none counts it as a failed attempt;"
                            + " checking for recovery",
                    o.describe(),
                    failure.reason());
            metrics.outageChanged(recipient.platform().name(), true);
        }
        refresh();
    }

    /**
     * Takes the outages whose next probe is due, moving their next probe on (so no other instance probes them at the
     * same time), and returns them.
     */
    List<Outage> probesDue(Instant now) {
        if (down().isEmpty()) {
            return List.of();
        }
        return jdbc.query(
                """
                update delivery_outage o set probes = o.probes + 1,
                       next_probe_at = ? + least(? * power(2, least(o.probes, 20)), ?) * interval '1 millisecond'
                where (o.platform, o.workspace_id) in (
                    select platform, workspace_id from delivery_outage where next_probe_at <= ? for update skip locked)
                returning o.platform, o.workspace_id, o.since, o.reason, o.next_probe_at, o.probes""",
                Outages::outage,
                SqlTime.of(now),
                FIRST_PROBE.toMillis(),
                properties.probeMaxInterval().toMillis(),
                SqlTime.of(now));
    }

    /** The probe found it still down: keeps the latest reason. */
    void stillDown(Outage outage, String reason) {
        jdbc.update(
                "update delivery_outage set reason = ? where platform = ? and workspace_id = ?",
                truncate(reason),
                outage.platform().name(),
                outage.workspaceId());
    }

    /** It works again: ends the outage, and logs how long it lasted, once. */
    void recovered(Platform platform, String workspaceId, Instant now) {
        Optional<Instant> since = jdbc
                .query(
                        "delete from delivery_outage where platform = ? and workspace_id = ? returning since",
                        (rs, i) -> rs.getObject("since", OffsetDateTime.class).toInstant(),
                        platform.name(),
                        workspaceId)
                .stream()
                .findFirst();
        since.ifPresent(s -> {
            Outage o = new Outage(platform, workspaceId, s, "", now, 0);
            log.info(
                    "{} is available again after {}; waiting messages are being sent",
                    o.describe(),
                    lasted(Duration.between(s, now)));
            metrics.outageChanged(platform.name(), false);
        });
        refresh();
    }

    private static Outage outage(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Outage(
                Platform.valueOf(rs.getString("platform")),
                rs.getString("workspace_id"),
                rs.getObject("since", OffsetDateTime.class).toInstant(),
                rs.getString("reason"),
                rs.getObject("next_probe_at", OffsetDateTime.class).toInstant(),
                rs.getInt("probes"));
    }

    /** "2 h 5 min", "3 min 20 s": how long an outage lasted, for people. */
    static String lasted(Duration d) {
        long h = d.toHours();
        long m = d.toMinutesPart();
        long sec = d.toSecondsPart();
        if (h > 0) {
            return h + " h " + m + " min";
        }
        return m > 0 ? m + " min " + sec + " s" : sec + " s";
    }

    private static String truncate(String s) {
        return s == null ? "" : s.length() > 480 ? s.substring(0, 480) : s;
    }
}
