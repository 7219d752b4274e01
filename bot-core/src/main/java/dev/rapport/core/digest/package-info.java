/**
 * The weekly digest to each coordinator of a programme, and what Rapport does about people who stop answering.
 *
 * <p>The house model: {@link dev.rapport.core.digest.DigestFactsReader} reads a programme's {@link
 * dev.rapport.core.digest.DigestFacts} set-wise, {@link dev.rapport.core.digest.DigestRules} decides (purely) who is due
 * a digest and what it says, {@link dev.rapport.core.digest.DigestComposer} words it. The digest is an outbox row
 * keyed by programme, coordinator and day, so it goes once a week however often the job fires, and is rendered in the
 * coordinator's language when it is sent, with buttons that open or snooze a pair ({@link
 * dev.rapport.core.digest.DigestActions}; the tap runs the command itself, so it is authorised as the command is).
 * {@link dev.rapport.core.digest.SilenceNotices} tells coordinators, once per silence, of someone who has left many
 * check-ins in a row unanswered.
 */
package dev.rapport.core.digest;
