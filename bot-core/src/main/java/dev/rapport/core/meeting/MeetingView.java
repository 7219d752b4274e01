package dev.rapport.core.meeting;

import java.time.LocalDate;

/** A logged meeting. {@code alreadyLogged} is true when the same pair had already logged that date. */
public record MeetingView(long id, long pairId, LocalDate heldOn, String note, boolean alreadyLogged) {}
