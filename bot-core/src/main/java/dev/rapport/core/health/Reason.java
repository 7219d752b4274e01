package dev.rapport.core.health;

/**
 * Why a pair is not on track.
 *
 * @param code stable and machine-readable: {@code TOO_EARLY}, {@code RESPONSE_RATE}, {@code NO_MEETING}, or a
 *     dimension rule followed by the dimension, {@code LOW_SCORE:RESPECT}, {@code FALLING:RESPECT},
 *     {@code GAP:RESPECT}, {@code MENTOR_LOW:RESPECT}
 * @param severity the state this reason alone puts the pair in
 * @param text a plain English sentence a coordinator reads
 */
public record Reason(String code, HealthState severity, String text) {}
