package dev.rapport.localkit;

/** How a local platform is down during {@link Faults#startOutage(Outage)}, the same two ways on both platforms. */
public enum Outage {
    /**
     * The platform answers but cannot serve: every API call answers HTTP 503, open push connections (Slack's Socket
     * Mode, Discord's gateway) are dropped without a close handshake and new ones are refused at the handshake. What a
     * client meets when the platform's edge is up and its API is not.
     */
    UNAVAILABLE,
    /**
     * Nothing listens: connections to the API port and to the push port are refused and open ones are dropped, as when
     * the network or the host is gone. On recovery both listen again on the same ports, so URLs handed out before stay
     * valid.
     */
    REFUSED
}
