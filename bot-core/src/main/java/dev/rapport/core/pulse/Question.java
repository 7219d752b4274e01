package dev.rapport.core.pulse;

import dev.rapport.core.pair.Role;

/**
 * One pulse statement, rated 1–5 or "not applicable". Its {@code id} never changes meaning within a bank version: a
 * reworded statement gets a new id or a new bank version, so trends never mix two wordings.
 *
 * @param pairedItem the statement's number within its dimension; the mentee's and the mentor's items with the same
 *     number describe the same behaviour from the two sides
 * @param aboutPartner whether the statement rates the other person's conduct ({@code about-partner}), rather than the
 *     respondent's own ({@code about-self})
 * @param needsMeeting whether it only makes sense when the pair met since the last check-in ({@code needs-meeting})
 */
public record Question(
        String id,
        Dimension dimension,
        Role role,
        int pairedItem,
        String text,
        boolean aboutPartner,
        boolean needsMeeting) {

    /** A statement about the mentor's conduct (the mentee's about-partner, the mentor's about-self), asked either way. */
    public Question(String id, Dimension dimension, Role role, int pairedItem, String text) {
        this(id, dimension, role, pairedItem, text, role == Role.MENTEE, false);
    }

    /** Whose conduct the statement rates. */
    public Role subject() {
        return aboutPartner ? role.other() : role;
    }

    /**
     * Whether its scores count toward the dimension's levels, trend and gap. Levels are about the mentor's conduct, as
     * each side sees it, so a statement about the mentee's conduct (a mentee's self-rating, a mentor rating the mentee)
     * counts toward none: a self-rating never lands in the partner's dimension.
     */
    public boolean countsTowardLevels() {
        return subject() == Role.MENTOR;
    }

    /** The same statement worded otherwise. */
    Question worded(String other) {
        return new Question(id, dimension, role, pairedItem, other, aboutPartner, needsMeeting);
    }
}
