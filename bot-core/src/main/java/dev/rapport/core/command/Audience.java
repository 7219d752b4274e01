package dev.rapport.core.command;

/** Who may run a subcommand. */
public enum Audience {
    /** Anyone in the workspace (help, setup). */
    EVERYONE,
    /** Mentors and mentees, about themselves. */
    PARTICIPANT,
    /** Coordinators of the programme concerned only. */
    COORDINATOR
}
