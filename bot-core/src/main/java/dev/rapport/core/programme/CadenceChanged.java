package dev.rapport.core.programme;

/** A programme's check-in day, time or interval changed: every pair's next check-in moves. */
public record CadenceChanged(long programmeId) {}
