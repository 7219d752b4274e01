package dev.rapport.core.pair;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Maps character offsets in a text to 1-based line numbers as an editor shows them (LF, CRLF or CR ends a line). */
final class LineIndex {
    private final String text;
    private final int[] starts;

    LineIndex(String text) {
        this.text = text;
        List<Integer> s = new ArrayList<>();
        s.add(0);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'))) {
                s.add(i + 1);
            }
        }
        starts = s.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The line of the first non-blank character at or after {@code offset} (a record may start before skipped blank lines). */
    int lineAt(long offset) {
        int i = (int) Math.min(offset, text.length());
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        int idx = Arrays.binarySearch(starts, i);
        return (idx >= 0 ? idx : -idx - 2) + 1;
    }

    /** The number of lines, not counting an empty last one after a final line end. */
    int count() {
        return starts[starts.length - 1] == text.length() ? starts.length - 1 : starts.length;
    }
}
