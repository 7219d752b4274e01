package dev.rapport.core.pair;

import java.util.List;

/**
 * An import was rejected and nothing was written. {@link #errors()} lists every problem found, by line; the
 * message summarises them for a chat reply, e.g. {@code Nothing was imported: 2 problems. Line 3: ...}.
 */
public final class ImportException extends RuntimeException {

    /** How many problems the message spells out; the rest are counted. */
    static final int MESSAGE_LIMIT = 10;

    private final List<LineError> errors;

    public ImportException(List<LineError> errors) {
        super(summary(errors));
        this.errors = List.copyOf(errors);
    }

    /** Every problem found, in line order. */
    public List<LineError> errors() {
        return errors;
    }

    private static String summary(List<LineError> errors) {
        StringBuilder s = new StringBuilder("Nothing was imported: ")
                .append(errors.size())
                .append(errors.size() == 1 ? " problem." : " problems.");
        errors.stream()
                .limit(MESSAGE_LIMIT)
                .forEach(e -> s.append(' ').append(e).append(e.message().endsWith(".") ? "" : "."));
        if (errors.size() > MESSAGE_LIMIT) {
            s.append(" … and ").append(errors.size() - MESSAGE_LIMIT).append(" more.");
        }
        return s.toString();
    }
}
