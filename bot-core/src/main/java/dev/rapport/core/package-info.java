/**
 * Rapport's core: the domain and every rule of it, free of any chat platform type.
 *
 * <p>Packages are features: {@code programme}, {@code participant}, {@code pair}, {@code pulse}, {@code checkin},
 * {@code meeting}, {@code health}, {@code schedule} (slots and the sweep, reminders), {@code outbox} (every message's
 * way out: claims, sending, outcomes, outages), {@code command} (the shared {@code /rapport} grammar),
 * {@code interaction}, {@code export}, {@code installation}, and the shared ground beneath them: {@code chat} (the
 * outbound port and message model), {@code calendar} (local-time arithmetic), {@code pace} (rate limits shared by
 * every instance), {@code jobs} (declaring Quartz jobs), {@code database} and {@code operations}. Dependencies
 * between them point one way (an architecture test fails the build on a cycle); a feature that must tell another of
 * a change publishes an event. Adapters talk to the public classes at each package's root.
 */
package dev.rapport.core;
