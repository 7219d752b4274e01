package dev.rapport.core.digest;

import java.util.Optional;

/**
 * The action ids of a digest's buttons: open a pair ({@code /rapport pair #id}) or snooze its alerts ({@code /rapport
 * snooze #id}), in a named programme. The id says only what was asked; whether the person tapping may do it is the
 * command's decision, taken as if they had typed it.
 */
public final class DigestActions {

    static final String PREFIX = "rapport:digest:";

    private DigestActions() {}

    /** What a tap asks for. */
    public enum Verb {
        OPEN,
        SNOOZE
    }

    /** A parsed tap. */
    public record Tap(Verb verb, long programmeId, long pairId) {}

    public static String open(long programmeId, long pairId) {
        return PREFIX + "open:" + programmeId + ":" + pairId;
    }

    public static String snooze(long programmeId, long pairId) {
        return PREFIX + "snooze:" + programmeId + ":" + pairId;
    }

    /** Whether an action id is a digest button's (well formed or not). */
    public static boolean matches(String actionId) {
        return actionId != null && actionId.startsWith(PREFIX);
    }

    /** The tap an id asks for, or empty when it is not a well-formed digest button's. */
    public static Optional<Tap> parse(String actionId) {
        if (!matches(actionId) || actionId.length() > 100) {
            return Optional.empty();
        }
        String[] parts = actionId.substring(PREFIX.length()).split(":");
        if (parts.length != 3) {
            return Optional.empty();
        }
        Verb verb = switch (parts[0]) {
            case "open" -> Verb.OPEN;
            case "snooze" -> Verb.SNOOZE;
            default -> null;
        };
        try {
            return verb == null
                    ? Optional.empty()
                    : Optional.of(new Tap(verb, Long.parseLong(parts[1]), Long.parseLong(parts[2])));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
