/**
 * Mentor–mentee pairs: adding them one by one or from CSV (all-or-nothing, errors by line number), pausing
 * and ending them. A new pair gets its schedule slots and each new participant a welcome.
 */
package dev.rapport.core.pair;
