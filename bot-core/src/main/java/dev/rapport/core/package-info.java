/**
 * Rapport's core: the domain and every rule of it, free of any chat platform type.
 *
 * <p>Packages are features: {@code programme}, {@code participant}, {@code pair}, {@code pulse},
 * {@code checkin}, {@code meeting}, {@code health}, {@code schedule} (sweep, outbox, dispatch),
 * {@code command} (the shared {@code /rapport} grammar), {@code export}, {@code chat} (the outbound port
 * and message model) and {@code database}. Adapters talk to the public classes at each package's root.
 */
package dev.rapport.core;
