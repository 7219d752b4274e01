/**
 * Local-time arithmetic: cadences, quiet hours, and when a period's check-in falls due in someone's own IANA time
 * zone, across daylight-saving changes. Pure functions of their arguments, shared by every feature that reasons about
 * a person's local time.
 */
package dev.rapport.core.calendar;
