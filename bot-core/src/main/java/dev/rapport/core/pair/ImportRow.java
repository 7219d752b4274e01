package dev.rapport.core.pair;

import dev.rapport.core.chat.ChatUser;
import java.time.LocalDate;
import java.time.ZoneId;

/** One valid data line of an import: who mentors whom, their zones when given (else null), and from when. */
record ImportRow(int line, ChatUser mentor, ZoneId mentorZone, ChatUser mentee, ZoneId menteeZone, LocalDate start) {}
