package dev.rapport.systemtest;

import dev.rapport.systemtest.CrashScenario.Target;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Two application processes send 5,000 check-ins to a local Discord in a process of its own; one is killed with
 * SIGKILL mid-send. Every check-in must still arrive, and none twice: each message carries its outbox id as a nonce
 * that Discord enforces, so a send in doubt that had arrived comes back as the message already made.
 */
class DiscordCrashIT {

    @Test
    void aKilledInstanceLosesNoCheckInAndDiscordKeepsEverySecondSendFromArrivingTwice() {
        CrashReport report =
                CrashScenario.run(CrashScenario.Settings.standard(Target.DISCORD, Path.of("target", "system-test")));
        System.out.print(report.summary());

        CrashAssertions.everyCheckInArrivedOnce(report);
    }
}
