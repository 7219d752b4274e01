package dev.rapport.localdiscord;

import java.util.Map;

/**
 * What the REST API has answered since the start, counted as it answered: for a long-running local Discord (the
 * standalone server) where walking every recorded {@link RestCall} would grow with the run.
 *
 * @param requests every call to {@code /api/} answered, whatever the status
 * @param perRoute calls per route, keyed as {@link Endpoint#toString()} ({@code "POST channels/{channel.id}/messages"}),
 *     or {@link #UNMATCHED} for a path that matched no route
 * @param perStatus calls per HTTP status answered
 * @param rateLimited 429 answers of every kind: a route's bucket, the global limit, an injected burst, the ban
 * @param invalid answers Discord counts towards its invalid-request limit (401, 403, 429) since the start
 * @param invalidLastTenMinutes the same in the last ten minutes of the clock, the window Discord bans on
 * @param deduplicatedMessages message creates answered with an earlier message because of {@code enforce_nonce}
 */
public record RequestCounters(
        long requests,
        Map<String, Long> perRoute,
        Map<Integer, Long> perStatus,
        long rateLimited,
        long invalid,
        int invalidLastTenMinutes,
        long deduplicatedMessages) {

    /** The {@link #perRoute} key of calls to a path that is none of the local Discord's routes. */
    public static final String UNMATCHED = "unmatched";

    public RequestCounters {
        perRoute = Map.copyOf(perRoute);
        perStatus = Map.copyOf(perStatus);
    }
}
