package dev.rapport.sandbox;

/**
 * The sandbox was asked to run where it must not: against a database someone configured, on an address other machines
 * reach, or beside real platform credentials. Reported at start by {@link SandboxFailureAnalyzer}, and the process
 * stops.
 */
final class SandboxRefusedException extends RuntimeException {

    private final String action;

    SandboxRefusedException(String reason, String action) {
        super(reason);
        this.action = action;
    }

    /** What to do instead. */
    String action() {
        return action;
    }
}
