package dev.rapport.systemtest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What came of a {@link CrashScenario}: the outbox as the database has it, the messages as the platform recorded
 * them, and the two compared per outbox row and per recipient.
 *
 * @param settings what was run
 * @param checkIns check-ins that fell due (one per participant)
 * @param timeline how long each phase took
 * @param killedPid the process killed
 * @param deliveredAtKill messages the platform had accepted when it was killed
 * @param heldByKilled the killed instance's rows at its death, per status: those counted as {@code SENDING} were in
 *     its workers' current groups ({@code dispatch_group}), the sends in flight whose outcome it never recorded
 * @param outboxByStatus every outbox row, per status
 * @param kinds every outbox row, per kind (only {@code CHECK_IN} is expected)
 * @param checkInsByStatus every check-in, per status
 * @param inDoubt rows whose send was found in doubt ({@code unknown_since} set)
 * @param found rows in doubt found to have arrived ({@code resolution = 'FOUND'}: not sent again)
 * @param resent rows in doubt sent again ({@code resolution = 'RESENT'})
 * @param failed the rows that {@code FAILED}, with their last error
 * @param arrived messages the platform accepted
 * @param lost check-in rows of which no message arrived
 * @param copies outbox rows that arrived more than once, with how many times
 * @param recipientsWithout people who got no check-in message
 * @param recipientsTwice people who got more than one check-in message, with how many
 * @param misdelivered messages whose outbox row is for someone else
 * @param unmarked messages that carried no outbox id, or one that is not in the outbox
 * @param doubtful the rows in doubt or copied, for a look at what happened to them
 * @param platformCounters the platform's request counters at the end
 * @param logs where the processes' output is
 */
public record CrashReport(
        CrashScenario.Settings settings,
        int checkIns,
        Timeline timeline,
        long killedPid,
        long deliveredAtKill,
        Map<String, Long> heldByKilled,
        Map<String, Long> outboxByStatus,
        Map<String, Long> kinds,
        Map<String, Long> checkInsByStatus,
        long inDoubt,
        long found,
        long resent,
        Map<Long, String> failed,
        long arrived,
        List<Long> lost,
        Map<Long, Integer> copies,
        List<String> recipientsWithout,
        Map<String, Integer> recipientsTwice,
        long misdelivered,
        long unmarked,
        List<Map<String, Object>> doubtful,
        LocalPlatform.Counters platformCounters,
        Path logs) {

    /**
     * How long each phase took.
     *
     * @param startup from nothing to every instance ready (database, platform, instances)
     * @param toKill from seeding the due check-ins to the kill
     * @param afterKill from the kill to every check-in sent (or to the drain timeout)
     * @param drain from seeding to every check-in sent
     * @param drained whether every check-in was sent before the timeout
     */
    public record Timeline(Duration startup, Duration toKill, Duration afterKill, Duration drain, boolean drained) {}

    /** Messages beyond the first of each outbox row. */
    public long duplicates() {
        return copies.values().stream().mapToLong(c -> c - 1).sum();
    }

    /** Outbox rows whose message arrived at least once. */
    public long distinctArrived() {
        return checkIns - lost.size();
    }

    public long sent() {
        return outboxByStatus.getOrDefault("SENT", 0L);
    }

    /** Reads the outcome from the database and the platform, after the scenario drained (or gave up). */
    static CrashReport read(
            CrashScenario.Settings settings,
            SystemDatabase db,
            LocalPlatform platform,
            Timeline timeline,
            int checkIns,
            long killedPid,
            long deliveredAtKill,
            Map<String, Long> heldByKilled,
            Path logs) {
        Map<Long, Row> rows = new HashMap<>();
        for (Map<String, Object> r : db.rows("""
                select o.id, o.kind, p.platform_user_id as recipient from outbox o
                join participant p on p.id = o.recipient_id""")) {
            rows.put(((Number) r.get("id")).longValue(), new Row((String) r.get("kind"), (String) r.get("recipient")));
        }
        // Left beside the processes' logs: the database is dropped when the run ends.
        db.writeCsv(logs.resolve("outbox.csv"), """
                select o.id, p.platform_user_id as recipient, o.kind, o.status, o.attempts,
                       o.created_at::text as created_at,
                       o.unknown_since::text as unknown_since, o.resolution, o.sent_at::text as sent_at,
                       o.claimed_instance, o.platform_message_id, o.last_error
                from outbox o join participant p on p.id = o.recipient_id order by o.id""");
        List<LocalPlatform.Delivery> deliveries = platform.deliveries();
        writeDeliveries(logs.resolve("deliveries.csv"), deliveries);
        Map<Long, Integer> perRow = new HashMap<>();
        Map<String, Integer> perRecipient = new HashMap<>();
        long misdelivered = 0;
        long unmarked = 0;
        for (LocalPlatform.Delivery d : deliveries) {
            Row row = d.outboxId() == null ? null : rows.get(d.outboxId());
            if (row == null) {
                unmarked++;
                continue;
            }
            perRow.merge(d.outboxId(), 1, Integer::sum);
            if (!row.recipient().equals(d.recipient())) {
                misdelivered++;
            }
            if (row.kind().equals("CHECK_IN")) {
                perRecipient.merge(d.recipient(), 1, Integer::sum);
            }
        }
        List<Long> lost = new ArrayList<>();
        rows.forEach((id, row) -> {
            if (row.kind().equals("CHECK_IN") && !perRow.containsKey(id)) {
                lost.add(id);
            }
        });
        lost.sort(null);
        Map<Long, Integer> copies = new TreeMap<>();
        perRow.forEach((id, n) -> {
            if (n > 1) {
                copies.put(id, n);
            }
        });
        List<String> without = new ArrayList<>();
        Map<String, Integer> twice = new TreeMap<>();
        for (String user : platform.userIds().subList(0, checkIns)) {
            int n = perRecipient.getOrDefault(user, 0);
            if (n == 0) {
                without.add(user);
            } else if (n > 1) {
                twice.put(user, n);
            }
        }
        Map<Long, String> failed = new LinkedHashMap<>();
        for (Map<String, Object> r : db.rows("select id, last_error from outbox where status = 'FAILED' order by id")) {
            failed.put(((Number) r.get("id")).longValue(), String.valueOf(r.get("last_error")));
        }
        List<Map<String, Object>> doubtful = db.rows(
                """
                select id, recipient_id, status, attempts, unknown_since::text as unknown_since, resolution,
                       sent_at::text as sent_at, platform_message_id, last_error
                from outbox where unknown_since is not null or id = any(?::bigint[]) order by id""", (Object) copies.keySet().stream().map(String::valueOf).toArray(String[]::new));
        return new CrashReport(
                settings,
                checkIns,
                timeline,
                killedPid,
                deliveredAtKill,
                heldByKilled,
                CrashScenario.counts(db, "select status, count(*) from outbox group by status order by status"),
                CrashScenario.counts(db, "select kind, count(*) from outbox group by kind order by kind"),
                CrashScenario.counts(db, "select status, count(*) from check_in group by status order by status"),
                db.number("select count(*) from outbox where unknown_since is not null"),
                db.number("select count(*) from outbox where resolution = 'FOUND'"),
                db.number("select count(*) from outbox where resolution = 'RESENT'"),
                failed,
                deliveries.size(),
                lost,
                copies,
                without,
                twice,
                misdelivered,
                unmarked,
                doubtful,
                platform.counters(),
                logs);
    }

    private record Row(String kind, String recipient) {}

    private static void writeDeliveries(Path file, List<LocalPlatform.Delivery> deliveries) {
        try (Writer out = Files.newBufferedWriter(file)) {
            out.write("recipient,outbox_id\n");
            for (LocalPlatform.Delivery d : deliveries) {
                out.write(d.recipient() + "," + (d.outboxId() == null ? "" : d.outboxId()) + "\n");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }

    /** The figures, as the tests and the benchmark print them. */
    public String summary() {
        StringBuilder s = new StringBuilder();
        s.append(String.format(
                Locale.ROOT,
                "Crash test, %s: %d instances, %d check-ins (%d pairs), instance %d killed (SIGKILL) at %d arrived%n",
                settings.target().label(),
                settings.instances(),
                checkIns,
                settings.pairs(),
                killedPid,
                deliveredAtKill));
        s.append(String.format(
                Locale.ROOT,
                "  arrived %d messages for %d of %d check-ins: lost %d, duplicates %d (recipients without %d, twice %d),"
                        + " misdelivered %d, unmarked %d%n",
                arrived,
                distinctArrived(),
                checkIns,
                lost.size(),
                duplicates(),
                recipientsWithout.size(),
                recipientsTwice.size(),
                misdelivered,
                unmarked));
        s.append(String.format(
                Locale.ROOT,
                "  killed instance held %s; rows in doubt %d: found %d, resent %d; outbox %s; check-ins %s;"
                        + " failed %d%n",
                heldByKilled,
                inDoubt,
                found,
                resent,
                outboxByStatus,
                checkInsByStatus,
                failed.size()));
        s.append(String.format(
                Locale.ROOT,
                "  platform: %d requests, %d answered 429; time: startup %.1f s, seed to kill %.1f s, kill to drained"
                        + " %.1f s, drain %.1f s%s%n",
                platformCounters.requests(),
                platformCounters.rateLimited(),
                seconds(timeline.startup()),
                seconds(timeline.toKill()),
                seconds(timeline.afterKill()),
                seconds(timeline.drain()),
                timeline.drained() ? "" : " (NOT DRAINED: gave up)"));
        s.append("  logs, outbox.csv and deliveries.csv: ").append(logs).append(System.lineSeparator());
        return s.toString();
    }

    /** The outbox rows that were in doubt and sent again ({@code resolution = 'RESENT'}). */
    public Set<Long> resentIds() {
        Set<Long> ids = new TreeSet<>();
        for (Map<String, Object> row : doubtful) {
            if ("RESENT".equals(row.get("resolution"))) {
                ids.add(((Number) row.get("id")).longValue());
            }
        }
        return ids;
    }

    /** The rows in doubt or copied, one a line, for a failure message. */
    public String doubtfulRows() {
        StringBuilder s = new StringBuilder();
        for (Map<String, Object> row : doubtful) {
            s.append("  ").append(row).append(System.lineSeparator());
        }
        return s.toString();
    }

    /** The rows that arrived more than once, one a line. */
    public String copiedRows() {
        StringBuilder s = new StringBuilder();
        for (Map<String, Object> row : doubtful) {
            if (copies.containsKey(((Number) row.get("id")).longValue())) {
                s.append("  ").append(row).append(System.lineSeparator());
            }
        }
        return s.toString();
    }

    private static double seconds(Duration d) {
        return d.toMillis() / 1000.0;
    }
}
