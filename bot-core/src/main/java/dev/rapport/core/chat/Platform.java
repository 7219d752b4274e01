package dev.rapport.core.chat;

/** The chat platforms Rapport speaks to. A programme lives on exactly one of them. */
public enum Platform {
    /** Coordinators are the people named as such: whoever set the programme up, and those they add. */
    SLACK(false, false, false),
    /**
     * Coordinators are the current holders of the role the programme is bound to (by id, {@link ChatUser#roleIds()}),
     * and the people named as such, as Discord servers manage roles themselves.
     */
    DISCORD(true, true, true);

    private final boolean coordinatorsByRole;
    private final boolean userIdsAreGlobal;
    private final boolean nestsSubcommands;

    Platform(boolean coordinatorsByRole, boolean userIdsAreGlobal, boolean nestsSubcommands) {
        this.coordinatorsByRole = coordinatorsByRole;
        this.userIdsAreGlobal = userIdsAreGlobal;
        this.nestsSubcommands = nestsSubcommands;
    }

    /**
     * Whether commands are typed forms with a limit on how many sit side by side (Discord: 25 subcommands per level),
     * so coordinator commands are listed under a group word: {@code /rapport programme health}. Slack's {@code /rapport}
     * takes a free line, and the group word is optional there.
     */
    public boolean nestsSubcommands() {
        return nestsSubcommands;
    }

    /**
     * Whether a user id names the same person in every workspace (Discord's snowflakes do; a Slack id is a member of
     * one workspace). Then a tap in a direct message, which belongs to no workspace, is still known to be theirs.
     */
    public boolean userIdsAreGlobal() {
        return userIdsAreGlobal;
    }

    /** Whether a programme is bound to one of the platform's roles, whose current holders coordinate it. */
    public boolean coordinatorsByRole() {
        return coordinatorsByRole;
    }
}
