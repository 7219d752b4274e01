package dev.rapport.core.audit;

/** What a coordinator's command does to pair-level data, for the audit. */
public enum AuditKind {
    /** Nothing a participant's privacy is concerned with (help, the person's own settings). */
    NONE,
    /** Reads pair-level data: states, scores, trends, shared comments, exports. */
    READ,
    /** Changes a programme or its pairs. */
    CHANGE
}
