package dev.rapport.systemtest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.systemtest.CrashScenario.Target;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Two application processes send 5,000 check-ins to a local Slack in a process of its own; one is killed with SIGKILL
 * mid-send. Every check-in must still arrive. Whether one may arrive twice depends on what Slack lets Rapport read:
 * with {@code im:history} a send in doubt is looked for in the DM first, so nothing arrives twice; without it, only
 * the rows that were in doubt and sent again may.
 */
class SlackCrashIT {

    private static final Path LOGS = Path.of("target", "system-test");

    @Test
    void aKilledInstanceLosesNoCheckInAndSendsNoneTwiceWhenRapportMayReadTheDm() {
        CrashReport report = CrashScenario.run(CrashScenario.Settings.standard(Target.SLACK, LOGS));
        System.out.print(report.summary());

        CrashAssertions.everyCheckInArrivedOnce(report);
    }

    @Test
    void withoutImHistoryOnlyTheSendsInDoubtMayArriveTwice() {
        CrashReport report = CrashScenario.run(CrashScenario.Settings.standard(Target.SLACK_WITHOUT_IM_HISTORY, LOGS));
        System.out.print(report.summary());

        CrashAssertions.everyCheckInArrived(report);
        assertThat(report.found())
                .as("rows found in the DM, which Rapport cannot read without im:history")
                .isZero();
        assertThat(report.duplicates())
                .as("messages that arrived twice, at most the rows sent again:%n%s", report.doubtfulRows())
                .isLessThanOrEqualTo(report.resent());
        assertThat(report.copies().keySet())
                .as("rows that arrived twice, each one in doubt and sent again")
                .isSubsetOf(report.resentIds());
        assertThat(report.copies().values()).as("copies of each such row").containsOnly(2);
    }
}
