package dev.rapport.core.pair;

/** The two sides of a pair. */
public enum Role {
    MENTOR,
    MENTEE;

    public Role other() {
        return this == MENTOR ? MENTEE : MENTOR;
    }

    public String label() {
        return this == MENTOR ? "mentor" : "mentee";
    }
}
