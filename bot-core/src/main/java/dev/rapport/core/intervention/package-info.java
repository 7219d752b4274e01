/**
 * What coordinators did about a pair: notes such as "called both; agreed to meet fortnightly"
 * ({@link dev.rapport.core.intervention.CoordinatorNotes}), sealed at rest and read only by the programme's
 * coordinators, next to the pair's health history.
 */
package dev.rapport.core.intervention;
