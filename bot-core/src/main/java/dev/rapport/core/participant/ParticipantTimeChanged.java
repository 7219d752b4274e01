package dev.rapport.core.participant;

/**
 * Someone's time zone or quiet hours changed, so the instants their check-ins fall due move. Published inside the
 * transaction that made the change.
 */
public record ParticipantTimeChanged(long participantId) {}
