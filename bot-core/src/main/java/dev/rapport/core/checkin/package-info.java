/**
 * Check-ins: what a mentee or mentor is asked each period, how it is shown (platform-neutral), and how
 * answers come back. Answering is idempotent: the same click twice records one answer. Only the person a
 * check-in was sent to can answer it, and nobody else ever sees their answers; coordinators see scores,
 * and a comment only when its author ticked "share with coordinator".
 */
package dev.rapport.core.checkin;
