package dev.rapport.core.pulse;

import dev.rapport.core.i18n.Catalogue;
import dev.rapport.core.i18n.Text;
import java.util.Locale;

/**
 * The six things that build trust between mentor and mentee (Mukhtar et al. 2024, Pak J Med Sci
 * 40(11):2748–51). Trust has to come from both sides, so each is asked of both roles. The constants' names are
 * stable ids (stored, and in question banks' keys); what people read is {@link #text()}, {@code
 * pulse.dimension.<name>} in the catalogue.
 */
public enum Dimension {
    RESPECT,
    CONFIDENTIALITY,
    EMPATHY,
    HUMILITY,
    EFFORT,
    COMMUNICATION;

    /** The dimension's name, not rendered yet. */
    public Text text() {
        return Text.of("pulse.dimension." + name().toLowerCase(Locale.ROOT));
    }

    /** The dimension's name in English. */
    public String label() {
        return label(Locale.ENGLISH);
    }

    /** The dimension's name in {@code locale}'s language. */
    public String label(Locale locale) {
        return Catalogue.standard().text(locale, text());
    }
}
