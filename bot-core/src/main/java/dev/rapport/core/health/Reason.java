package dev.rapport.core.health;

import dev.rapport.core.i18n.Catalogue;
import dev.rapport.core.i18n.Languages;
import dev.rapport.core.i18n.Text;

/**
 * Why a pair is not on track.
 *
 * @param code stable and machine-readable: {@code TOO_EARLY}, {@code RESPONSE_RATE}, {@code NO_MEETING}, or a
 *     dimension rule followed by the dimension, {@code LOW_SCORE:RESPECT}, {@code FALLING:RESPECT},
 *     {@code GAP:RESPECT}, {@code MENTOR_LOW:RESPECT}
 * @param severity the state this reason alone puts the pair in
 * @param text a plain English sentence a coordinator reads
 * @param message the same sentence from the catalogue, to be rendered in the reader's language
 */
public record Reason(String code, HealthState severity, String text, Text message) {

    /** A reason whose English text is its message's. */
    public Reason(String code, HealthState severity, Text message) {
        this(code, severity, Catalogue.standard().text(Languages.ENGLISH, message), message);
    }
}
