/**
 * The audit: every coordinator read of pair-level data and every change they make, with who, what, which pair and
 * when ({@link dev.rapport.core.audit.Audit}). The command layer writes it in one place; participants see how often
 * their pair was looked at ({@code /rapport me}); the retention job deletes it after {@code rapport.retention.audit}.
 */
package dev.rapport.core.audit;
