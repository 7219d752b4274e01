package dev.rapport.core.pulse;

/**
 * The six things that build trust between mentor and mentee (Mukhtar et al. 2024, Pak J Med Sci
 * 40(11):2748–51). Trust has to come from both sides, so each is asked of both roles.
 */
public enum Dimension {
    RESPECT("Respect"),
    CONFIDENTIALITY("Confidentiality"),
    EMPATHY("Empathy"),
    HUMILITY("Humility"),
    EFFORT("Effort"),
    COMMUNICATION("Communication");

    private final String label;

    Dimension(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
