package dev.rapport.core.pair;

import dev.rapport.core.i18n.Catalogue;
import dev.rapport.core.i18n.Text;
import java.util.Locale;

/** The two sides of a pair. */
public enum Role {
    MENTOR,
    MENTEE;

    public Role other() {
        return this == MENTOR ? MENTEE : MENTOR;
    }

    /** The role's id in lower case, as question banks' keys use it: {@code mentor}, {@code mentee}. */
    public String label() {
        return this == MENTOR ? "mentor" : "mentee";
    }

    /** The role's name as people read it, not rendered yet. */
    public Text text() {
        return Text.of("role." + label());
    }

    /** The role's name in {@code locale}'s language. */
    public String label(Locale locale) {
        return Catalogue.standard().text(locale, text());
    }
}
