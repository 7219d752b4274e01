package dev.rapport.core.cyclefixture.a;

import dev.rapport.core.cyclefixture.b.Pong;

/** Half of a deliberate package cycle, for the architecture test to find. */
public class Ping {
    public Pong pong() {
        return new Pong();
    }
}
