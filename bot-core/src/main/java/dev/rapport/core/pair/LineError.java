package dev.rapport.core.pair;

/**
 * One problem found in an imported file.
 *
 * @param line the 1-based line number in the file as the coordinator sees it in an editor (the header is
 *     line 1; blank lines count)
 * @param message what is wrong, written for the coordinator
 */
public record LineError(int line, String message) {

    @Override
    public String toString() {
        return "Line " + line + ": " + message;
    }
}
