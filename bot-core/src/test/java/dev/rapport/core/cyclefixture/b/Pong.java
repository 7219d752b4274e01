package dev.rapport.core.cyclefixture.b;

import dev.rapport.core.cyclefixture.a.Ping;

/** The other half of the deliberate package cycle. */
public class Pong {
    public Ping ping() {
        return new Ping();
    }
}
