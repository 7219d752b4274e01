package dev.rapport.localdiscord;

/** How the local Discord is down during {@link LocalDiscord#startOutage(Outage)}. */
public enum Outage {
    /**
     * Discord answers but cannot serve: every REST call answers 503, open gateway connections are dropped without a
     * close frame and new ones are refused at the handshake. What a client meets when Discord's edge is up and its API
     * is not.
     */
    UNAVAILABLE,
    /**
     * Nothing listens: connections to the REST port and to the gateway port are refused and open ones are dropped, as
     * when the network or the host is gone. On recovery both listen again on the same ports, so URLs handed out before
     * stay valid.
     */
    REFUSED
}
