package dev.rapport.localdiscord;

import java.time.Instant;

/**
 * One IDENTIFY or RESUME the gateway received, and how it ended.
 *
 * @param kind which opcode
 * @param shard the shard id the client asked for (for a RESUME, the session's)
 * @param shardCount the shard count the client asked for
 * @param intents the intents bit set the client identified with (for a RESUME, the session's)
 * @param sessionId the session created or resumed, or {@code null} if refused
 * @param closeCode 0 when accepted, otherwise the close code the gateway answered with (4004 authentication failed,
 *     4010 invalid shard, 4014 disallowed intents …) or 9 for an INVALID_SESSION answer to a RESUME
 * @param at when, on the local Discord's clock
 */
public record GatewayLogin(
        Kind kind, int shard, int shardCount, int intents, String sessionId, int closeCode, Instant at) {

    public enum Kind {
        IDENTIFY,
        RESUME
    }

    /** Whether the gateway accepted it (READY or RESUMED followed). */
    public boolean accepted() {
        return closeCode == 0;
    }
}
