package dev.rapport.core.pulse;

import dev.rapport.core.pair.Role;

/**
 * One pulse statement, rated 1–5. Its {@code id} never changes meaning: a reworded statement gets a new
 * id or a new bank version, so trends never mix two wordings.
 *
 * @param pairedItem the statement's number within its dimension; the mentee's and the mentor's items with
 *     the same number describe the same behaviour from the two sides
 */
public record Question(String id, Dimension dimension, Role role, int pairedItem, String text) {}
