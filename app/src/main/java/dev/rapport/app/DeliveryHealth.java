package dev.rapport.app;

import dev.rapport.core.outbox.Outages;
import java.util.List;
import java.util.Map;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * {@code delivery}: whether every platform and workspace Rapport sends to is taking messages. During an outage it is
 * down and names what is down, since when, why, and when it is checked next; messages wait in the outbox meanwhile.
 * It is not part of readiness or liveness on purpose: restarting or unrouting Rapport cannot fix Slack or Discord,
 * and the instance must stay up to receive commands and to probe for the recovery.
 */
@Component("delivery")
class DeliveryHealth implements HealthIndicator {

    private final Outages outages;

    DeliveryHealth(Outages outages) {
        this.outages = outages;
    }

    @Override
    public Health health() {
        List<Outages.Outage> current = outages.current();
        if (current.isEmpty()) {
            return Health.up().build();
        }
        return Health.down()
                .withDetail(
                        "unavailable",
                        current.stream()
                                .map(o -> Map.of(
                                        "what", o.describe(),
                                        "since", o.since().toString(),
                                        "reason", o.reason(),
                                        "nextCheck", o.nextProbeAt().toString()))
                                .toList())
                .build();
    }
}
