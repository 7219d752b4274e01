package dev.rapport.core.participant;

import java.util.List;

/**
 * Someone left every programme, which ended these pairs of theirs. Published inside the transaction that recorded it.
 */
public record ParticipantLeft(long participantId, List<Long> endedPairIds) {}
