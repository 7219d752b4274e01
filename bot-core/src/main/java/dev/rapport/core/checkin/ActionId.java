package dev.rapport.core.checkin;

import java.util.Optional;

/**
 * The action ids carried by check-in buttons and forms. Adapters hand them back verbatim; the core parses
 * them and checks that the person clicking is the one the check-in was sent to, so a forged id gains nothing.
 */
public sealed interface ActionId {

    String PREFIX = "rapport:";

    long checkInId();

    /** A 1–5 rating of one statement, or {@link #NOT_APPLICABLE}. */
    record Rate(long checkInId, String questionId, int score) implements ActionId {
        public boolean notApplicable() {
            return score == NOT_APPLICABLE;
        }
    }

    /** The score a {@link Rate} carries for "not applicable" ({@code na} in the id). */
    int NOT_APPLICABLE = 0;

    /** The answer to "did you meet since the last check-in?". */
    record Met(long checkInId, boolean met) implements ActionId {}

    /** Opens the comment form. */
    record OpenComment(long checkInId) implements ActionId {}

    /** The comment form's submission. */
    record SubmitComment(long checkInId) implements ActionId {}

    static String rate(long checkInId, String questionId, int score) {
        return PREFIX + "rate:" + checkInId + ":" + questionId + ":" + (score == NOT_APPLICABLE ? "na" : score);
    }

    static String met(long checkInId, boolean met) {
        return PREFIX + "met:" + checkInId + ":" + (met ? "yes" : "no");
    }

    static String openComment(long checkInId) {
        return PREFIX + "comment:" + checkInId;
    }

    static String submitComment(long checkInId) {
        return PREFIX + "comment-form:" + checkInId;
    }

    /** Parses an action id, or returns empty for anything that is not a well-formed Rapport action. */
    static Optional<ActionId> parse(String raw) {
        if (raw == null || !raw.startsWith(PREFIX) || raw.length() > 200) {
            return Optional.empty();
        }
        String[] parts = raw.substring(PREFIX.length()).split(":");
        try {
            return switch (parts[0]) {
                case "rate" ->
                    parts.length == 4
                            ? Optional.of(new Rate(
                                    Long.parseLong(parts[1]),
                                    parts[2],
                                    parts[3].equals("na") ? NOT_APPLICABLE : Integer.parseInt(parts[3])))
                            : Optional.empty();
                case "met" ->
                    parts.length == 3 && (parts[2].equals("yes") || parts[2].equals("no"))
                            ? Optional.of(new Met(Long.parseLong(parts[1]), parts[2].equals("yes")))
                            : Optional.empty();
                case "comment" ->
                    parts.length == 2 ? Optional.of(new OpenComment(Long.parseLong(parts[1]))) : Optional.empty();
                case "comment-form" ->
                    parts.length == 2 ? Optional.of(new SubmitComment(Long.parseLong(parts[1]))) : Optional.empty();
                default -> Optional.empty();
            };
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
