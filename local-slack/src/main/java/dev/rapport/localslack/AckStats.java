package dev.rapport.localslack;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Acknowledgement figures over a set of deliveries' first attempts: how many were acknowledged within Slack's 3 s,
 * and the latency percentiles of those that were answered (nearest-rank).
 *
 * @param deliveries first attempts counted
 * @param acknowledged acknowledged in time (2xx or an ack frame)
 * @param timedOut not answered within the deadline
 * @param failed refused (non-2xx) or not deliverable
 * @param p50 median latency of the answered attempts, or {@code null} if none
 * @param p99 99th percentile latency, or {@code null} if none
 * @param max the slowest answer, or {@code null} if none
 */
public record AckStats(
        int deliveries, int acknowledged, int timedOut, int failed, Duration p50, Duration p99, Duration max) {

    static AckStats of(List<Ack> acks) {
        List<Duration> latencies = new ArrayList<>();
        int acked = 0;
        int timedOut = 0;
        int failed = 0;
        for (Ack a : acks) {
            switch (a.outcome()) {
                case ACKED -> acked++;
                case TIMED_OUT -> timedOut++;
                case REJECTED, FAILED -> failed++;
            }
            if (a.latency() != null) {
                latencies.add(a.latency());
            }
        }
        latencies.sort(null);
        return new AckStats(
                acks.size(),
                acked,
                timedOut,
                failed,
                percentile(latencies, 50),
                percentile(latencies, 99),
                latencies.isEmpty() ? null : latencies.getLast());
    }

    private static Duration percentile(List<Duration> sorted, int p) {
        if (sorted.isEmpty()) {
            return null;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }
}
