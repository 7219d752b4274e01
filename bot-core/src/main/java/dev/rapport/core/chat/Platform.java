package dev.rapport.core.chat;

/** The chat platforms Rapport speaks to. A programme lives on exactly one of them. */
public enum Platform {
    /** Coordinators are the people named as such: whoever set the programme up, and those they add. */
    SLACK(false, false),
    /**
     * Coordinators are also the members the server grants it: the configured coordinator role or Manage Server
     * (the adapter says so with {@link ChatUser#platformAdmin()}), as Discord servers manage roles themselves.
     */
    DISCORD(true, true);

    private final boolean coordinatorsByRole;
    private final boolean userIdsAreGlobal;

    Platform(boolean coordinatorsByRole, boolean userIdsAreGlobal) {
        this.coordinatorsByRole = coordinatorsByRole;
        this.userIdsAreGlobal = userIdsAreGlobal;
    }

    /**
     * Whether a user id names the same person in every workspace (Discord's snowflakes do; a Slack id is a member of
     * one workspace). Then a tap in a direct message, which belongs to no workspace, is still known to be theirs.
     */
    public boolean userIdsAreGlobal() {
        return userIdsAreGlobal;
    }

    /**
     * Whether the platform's own roles make someone a coordinator of every programme in their workspace, and only
     * such people may set one up.
     */
    public boolean coordinatorsByRole() {
        return coordinatorsByRole;
    }
}
