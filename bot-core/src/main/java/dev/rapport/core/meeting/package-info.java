/**
 * Meetings: either side of a pair logs one (date, optional note). The latest meeting feeds pair health and
 * the mentor's meeting reminders (sent by the schedule's reminders). Notes are visible to
 * the pair's coordinators, never to anyone outside the programme.
 */
package dev.rapport.core.meeting;
