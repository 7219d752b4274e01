/**
 * Secrets at rest: what participants write in free text (check-in comments, meeting notes) and the platforms' bot
 * tokens are sealed with AES-256-GCM before they reach PostgreSQL, and opened again only here.
 *
 * <ul>
 *   <li>{@link dev.rapport.core.secrets.Secrets} is the API: {@code seal(field, rowId, text)} and
 *       {@code open(field, rowId, stored)}. Everything that writes or reads a sealed column goes through it.
 *   <li>Keys: one application secret ({@code RAPPORT_SECRET_KEY}); each purpose (comments, meeting notes, Slack tokens)
 *       gets its own AES key from it with HKDF-SHA256 (RFC 5869, Bouncy Castle) and a distinct {@code info}, so a
 *       key of one purpose opens nothing of another.
 *   <li>Each record gets a fresh 96-bit nonce; the associated data is the record's place (table, column, row id)
 *       and the key's id, so a ciphertext copied to another row, or another column, does not open.
 *   <li>Stored form: {@code rk1:<key id>:<base64 of nonce, ciphertext and tag>}. The key id (8 hex digits, itself
 *       derived with HKDF) says which configured key opens it: the current one, or one of
 *       {@code RAPPORT_SECRET_KEY_PREVIOUS} during a rotation, after which {@link
 *       dev.rapport.core.secrets.Reencryption} seals old records again under the current key.
 *   <li>A database written by an earlier version is sealed by the Flyway migration {@link
 *       dev.rapport.core.secrets.SecretsAtRestMigration} (version 6), before the application reads it.
 * </ul>
 */
package dev.rapport.core.secrets;
