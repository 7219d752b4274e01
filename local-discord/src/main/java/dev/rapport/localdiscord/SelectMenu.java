package dev.rapport.localdiscord;

import java.util.List;

/**
 * A string select menu (component type 3) of a message, as a test reads it: its custom id, its placeholder, and its
 * options' labels and values, in order.
 */
public record SelectMenu(String customId, String placeholder, List<String> labels, List<String> values) {

    public SelectMenu {
        labels = List.copyOf(labels);
        values = List.copyOf(values);
    }
}
