/**
 * The trust pulse: the six dimensions of mentor–mentee trust, the versioned question bank (a resource
 * file, translatable through {@link java.util.ResourceBundle}) and the rotation that picks at most three
 * questions per check-in so that every dimension is asked at least once in any two consecutive check-ins.
 */
package dev.rapport.core.pulse;
