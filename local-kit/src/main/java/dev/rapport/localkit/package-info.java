/**
 * What the two local platforms, {@code dev.rapport.localslack} and {@code dev.rapport.localdiscord}, have in common
 * and nothing more: the HTTP plumbing of a fake on the JDK's HTTP server ({@link dev.rapport.localkit.Http},
 * {@link dev.rapport.localkit.Multipart}) and the vocabulary of injected faults ({@link dev.rapport.localkit.Faults},
 * {@link dev.rapport.localkit.Outage}), which both facades implement so that the same fault has the same name on both
 * platforms.
 *
 * <p>It knows no platform's protocol and nothing of Rapport: it depends on neither {@code bot-core} nor an adapter, and
 * the adapters depend on it only in their tests, through the fakes. A fake that borrowed the adapter's idea of the
 * protocol would prove nothing.
 */
package dev.rapport.localkit;
