package dev.rapport.systemtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

/** What every crash test demands, whatever the platform. */
final class CrashAssertions {

    private CrashAssertions() {}

    /** Every check-in sent and arrived, to its recipient, none failed; and the kill did leave sends in doubt. */
    static void everyCheckInArrived(CrashReport report) {
        assertThat(report.timeline().drained())
                .as(
                        "every outbox row settled within %s of the kill: outbox %s, check-ins %s (logs in %s)",
                        report.settings().drainTimeout(),
                        report.outboxByStatus(),
                        report.checkInsByStatus(),
                        report.logs())
                .isTrue();
        assertThat(report.failed()).as("rows that FAILED").isEmpty();
        assertThat(report.kinds()).as("outbox rows per kind").containsOnlyKeys("CHECK_IN");
        assertThat(report.outboxByStatus()).as("outbox rows per status").containsOnlyKeys("SENT");
        assertThat(report.sent()).as("outbox rows SENT").isEqualTo(report.checkIns());
        assertThat(report.checkInsByStatus()).as("check-ins per status").containsExactly(Map.entry("SENT", (long)
                report.checkIns()));
        assertThat(report.lost()).as("check-in rows of which nothing arrived").isEmpty();
        assertThat(report.recipientsWithout()).as("people who got no check-in").isEmpty();
        assertThat(report.misdelivered())
                .as("messages that reached someone else")
                .isZero();
        assertThat(report.unmarked()).as("messages without a known outbox id").isZero();
        // Without sends in flight at the kill, the run would prove nothing about them.
        assertThat(report.heldByKilled().getOrDefault("SENDING", 0L))
                .as("the killed instance's sends in flight")
                .isPositive();
        assertThat(report.inDoubt())
                .as("rows taken over in doubt, the killed instance's sends in flight among them")
                .isGreaterThanOrEqualTo(report.heldByKilled().get("SENDING"));
        assertThat(report.found() + report.resent())
                .as("rows in doubt resolved, found on the platform or sent again")
                .isEqualTo(report.inDoubt());
    }

    /** All of the above, and no message twice: per outbox row and per recipient. */
    static void everyCheckInArrivedOnce(CrashReport report) {
        everyCheckInArrived(report);
        assertThat(report.copies())
                .as("outbox rows that arrived more than once:%n%s", report.doubtfulRows())
                .isEmpty();
        assertThat(report.recipientsTwice())
                .as("people who got their check-in twice")
                .isEmpty();
        assertThat(report.arrived()).as("messages on the platform").isEqualTo(report.checkIns());
    }
}
