package dev.rapport.localslack;

/** How the local Slack is down during {@link LocalSlack#beginOutage}. */
public enum Outage {
    /**
     * Everything answers but refuses: the Web API, response_url and file URLs answer HTTP 503, open Socket Mode
     * connections are dropped and new ones are refused at the handshake. Slack sends nothing.
     */
    UNAVAILABLE,
    /**
     * Nothing listens: connections to the Web API and to Socket Mode are refused, open sockets are dropped. On
     * recovery both listen again on the same ports, so URLs handed out before stay valid.
     */
    REFUSED
}
