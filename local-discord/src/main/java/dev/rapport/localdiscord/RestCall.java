package dev.rapport.localdiscord;

import java.time.Instant;

/**
 * One REST call as the local Discord answered it.
 *
 * @param method the HTTP method
 * @param path the path below {@code /api/v10/}, with interaction tokens replaced by {@code {token}} so a recorded call
 *     can be printed safely
 * @param endpoint the route it matched, or {@code null} for an unknown route
 * @param status the HTTP status answered
 * @param errorCode Discord's JSON error code when it was an error (0 for rate limits and {@code 401: Unauthorized})
 * @param at when, on the local Discord's clock
 */
public record RestCall(String method, String path, Endpoint endpoint, int status, int errorCode, Instant at) {

    /** Whether Discord counts this call towards the invalid-request limit (401, 403 and 429 answers). */
    public boolean invalid() {
        return status == 401 || status == 403 || status == 429;
    }
}
