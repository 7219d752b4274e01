package dev.rapport.core.pair;

/** A pair ended: nothing more is scheduled for it. Published inside the transaction that ended it. */
public record PairEnded(long pairId) {}
