/**
 * Participants: mentors, mentees and coordinators as Rapport knows them (platform identity, display name,
 * IANA time zone, quiet hours, a pause). New participants get a welcome that says what will be asked, who
 * sees what and how to pause or leave; leaving stops every message to that person and tells their
 * coordinators.
 */
package dev.rapport.core.participant;
