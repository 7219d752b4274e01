package dev.rapport.core.retention;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long Rapport keeps what it no longer needs, bound from {@code rapport.retention.*}
 * ({@code RAPPORT_RETENTION_SENT_PAYLOADS} and so on). The retention job applies these limits by itself.
 *
 * @param sentPayloads how long the rendered text of a message that is done with (sent, failed, expired, cancelled)
 *     is kept after it was last tried. Alerts and notices quote scores and names; the row itself stays, without its
 *     text, so the message is never sent again
 * @param inboundEvents how long a handled platform event id is remembered, to recognise a redelivery (Slack retries
 *     within minutes)
 * @param endedPairs how long an ended pair's check-ins, answers, comments, meetings and messages are kept after the
 *     day it ended, unless its programme sets its own limit ({@code programme.ended_pair_retention_days})
 * @param audit how long the record of coordinators' reads and changes is kept
 * @param interval how often the retention job runs
 */
@ConfigurationProperties("rapport.retention")
public record RetentionProperties(
        @DefaultValue("7d") Duration sentPayloads,
        @DefaultValue("2d") Duration inboundEvents,
        @DefaultValue("730d") Duration endedPairs,
        @DefaultValue("365d") Duration audit,
        @DefaultValue("6h") Duration interval) {

    public RetentionProperties {
        for (Duration d : new Duration[] {sentPayloads, inboundEvents, endedPairs, audit, interval}) {
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(
                        "rapport.retention: sent-payloads, inbound-events, ended-pairs, audit and interval must be positive");
            }
        }
        if (endedPairs.toDays() < 1) {
            throw new IllegalArgumentException("rapport.retention.ended-pairs must be at least one day");
        }
    }
}
