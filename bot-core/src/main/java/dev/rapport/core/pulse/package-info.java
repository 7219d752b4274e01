/**
 * The trust pulse: the six dimensions of mentor–mentee trust, the versioned question banks (resource files,
 * translatable through {@link java.util.ResourceBundle}; {@link dev.rapport.core.pulse.QuestionBanks} keeps every
 * version, so an answer is always read with the wording it was given to), each statement's tags (whose conduct it
 * rates, whether it needs a meeting) and the rule of what counts toward a level, and the rotation that picks at most
 * three questions per check-in so that every dimension is asked at least once in any two consecutive check-ins.
 */
package dev.rapport.core.pulse;
