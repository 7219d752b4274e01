package dev.rapport.core.participant;

/** A participant who had left Rapport came back ({@code /rapport rejoin}); their ended pairs stay ended. */
public record ParticipantRejoined(long participantId) {}
