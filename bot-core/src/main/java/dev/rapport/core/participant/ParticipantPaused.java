package dev.rapport.core.participant;

import java.time.LocalDate;

/** A participant paused their own check-ins until {@code until} (inclusive). */
public record ParticipantPaused(long participantId, LocalDate until) {}
