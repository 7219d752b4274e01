package dev.rapport.core.digest;

import dev.rapport.core.calendar.SlotCalculator;
import dev.rapport.core.outbox.Outbox;
import dev.rapport.core.outbox.OutboxKind;
import dev.rapport.core.outbox.OutboxMessage;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Writes the weekly digests that are due: for each programme, each coordinator whose digest day it is (in their zone,
 * from {@link DigestRules#SEND_FROM}) gets one outbox row, named by programme and day, so a second run that day, on
 * this instance or another, finds it there and writes nothing. It waits out the coordinator's quiet hours like any
 * message to them.
 */
@Service
public class DigestService {

    private final JdbcTemplate jdbc;
    private final DigestFactsReader reader;
    private final Outbox outbox;
    private final Clock clock;

    DigestService(JdbcTemplate jdbc, DigestFactsReader reader, Outbox outbox, Clock clock) {
        this.jdbc = jdbc;
        this.reader = reader;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Writes every digest due now; returns how many were new. */
    public int run() {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        List<Long> programmes = jdbc.queryForList(
                "select distinct programme_id from pair where status <> 'ENDED' order by 1", Long.class);
        int written = 0;
        for (long programmeId : programmes) {
            written += run(programmeId, now);
        }
        return written;
    }

    private int run(long programmeId, Instant now) {
        Optional<DigestFacts> heads = reader.heads(programmeId, now);
        if (heads.isEmpty()
                || heads.get().coordinators().stream()
                        .noneMatch(c -> DigestRules.dueDay(heads.get(), c).isPresent())) {
            return 0;
        }
        DigestFacts facts = reader.withPairs(heads.get());
        int written = 0;
        for (DigestFacts.Coordinator c : facts.coordinators()) {
            Optional<LocalDate> day = DigestRules.dueDay(facts, c);
            if (day.isEmpty()) {
                continue;
            }
            LocalDate since = DigestRules.since(facts, c).atZone(c.zone()).toLocalDate();
            var text = DigestComposer.text(facts, DigestRules.lines(facts, c), since, day.get());
            Instant notBefore = SlotCalculator.outsideQuietHours(now, c.zone(), c.quiet());
            if (outbox.enqueue(OutboxMessage.of(
                    null,
                    c.id(),
                    OutboxKind.DIGEST,
                    DigestFactsReader.period(programmeId, day.get()),
                    text,
                    notBefore))) {
                written++;
            }
        }
        return written;
    }
}
