package dev.rapport.core.participant;

/** Where a participant's time zone came from. A platform's profile never overrides a zone the person chose. */
public enum TimeZoneSource {
    /** Assumed from the programme's zone: the person has not said, and the platform does not tell. */
    DEFAULT,
    /** Read from the platform's profile (Slack's {@code users.info}). */
    PLATFORM,
    /** Set by the person with {@code /rapport timezone} or the onboarding form. */
    CHOSEN
}
