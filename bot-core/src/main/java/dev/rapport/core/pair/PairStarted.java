package dev.rapport.core.pair;

/**
 * A pair was added and its check-ins should be scheduled. Published inside the transaction that added it, so whoever
 * listens (the schedule) commits or rolls back with it.
 */
public record PairStarted(long pairId) {}
