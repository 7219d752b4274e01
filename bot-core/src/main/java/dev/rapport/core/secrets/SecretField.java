package dev.rapport.core.secrets;

/**
 * A column whose values are sealed, with the purpose whose key seals it. The table and column are part of every
 * record's associated data, so a value copied from one sealed column to another does not open.
 */
public enum SecretField {
    /** {@code check_in.comment}: a participant's comment on a check-in, shared with the coordinator or not. */
    CHECK_IN_COMMENT(Purpose.COMMENTS, "check_in", "comment"),
    /** {@code meeting.note}: the note a participant wrote when logging a meeting. */
    MEETING_NOTE(Purpose.MEETING_NOTES, "meeting", "note"),
    /** {@code coordinator_note.body}: what a coordinator noted about a pair, read only by the programme's coordinators. */
    COORDINATOR_NOTE(Purpose.COORDINATOR_NOTES, "coordinator_note", "body"),
    /**
     * {@code installation.bot_token_cipher}: a workspace's bot token (Slack's OAuth installs); its row id is
     * {@link #installationRow(String, String)}, known before the row is written.
     */
    BOT_TOKEN(Purpose.SLACK_TOKENS, "installation", "bot_token_cipher");

    /** The row id of an installation: its primary key, {@code <platform>/<workspace id>}, e.g. {@code SLACK/T0123}. */
    public static String installationRow(String platform, String workspaceId) {
        return platform + "/" + workspaceId;
    }

    /** What a key is for; each purpose has a key of its own, derived with its own HKDF {@code info}. */
    public enum Purpose {
        COMMENTS("rapport/comments"),
        MEETING_NOTES("rapport/meeting-notes"),
        COORDINATOR_NOTES("rapport/coordinator-notes"),
        SLACK_TOKENS("rapport/slack-tokens");

        private final String info;

        Purpose(String info) {
            this.info = info;
        }

        /** HKDF's {@code info} for this purpose's key. */
        String info() {
            return info;
        }
    }

    private final Purpose purpose;
    private final String table;
    private final String column;

    SecretField(Purpose purpose, String table, String column) {
        this.purpose = purpose;
        this.table = table;
        this.column = column;
    }

    public Purpose purpose() {
        return purpose;
    }

    public String table() {
        return table;
    }

    public String column() {
        return column;
    }
}
