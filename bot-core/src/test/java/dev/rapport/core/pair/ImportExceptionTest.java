package dev.rapport.core.pair;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.core.i18n.Catalogue;
import dev.rapport.core.i18n.Text;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** An import's problems summarised in English as its message, and in the coordinator's language on demand. */
class ImportExceptionTest {

    @Test
    void theSummaryIsInTheReadersLanguage() {
        ImportException e = new ImportException(List.of(
                new LineError(3, Text.of("import.error.same-person", "id", "U1")),
                new LineError(4, ImportZones.problem("mentee_timezone", "lisbon"))));
        assertThat(e)
                .hasMessage(
                        "Nothing was imported: 2 problems. Line 3: the mentor and the mentee are the same person"
                                + " (U1). Line 4: mentee_timezone \"lisbon\" is not a time zone Rapport knows; did you mean Europe/Lisbon?.");
        assertThat(e.message(Locale.FRENCH))
                .isEqualTo("Rien n’a été importé : 2 problèmes. Ligne 3 : le mentor et le"
                        + " mentoré sont la même personne (U1). Ligne 4 : mentee_timezone « lisbon » n’est pas un fuseau horaire"
                        + " que Rapport connaît ; vouliez-vous dire Europe/Lisbon ?.");
        assertThat(e.errors().get(0).message(Locale.forLanguageTag("es")))
                .isEqualTo("el mentor y el mentorizado son la misma persona (U1).");
    }

    @Test
    void beyondTheLimitTheRestAreCounted() {
        List<LineError> many = new ArrayList<>();
        for (int line = 2; line < 2 + ImportException.MESSAGE_LIMIT + 3; line++) {
            many.add(new LineError(line, Text.of("import.error.no-pairs")));
        }
        assertThat(new ImportException(many).getMessage())
                .startsWith("Nothing was imported: 13 problems. Line 2:")
                .endsWith(" … and 3 more.");
        assertThat(new ImportException(many).message(Locale.forLanguageTag("es")))
                .endsWith(" … y 3 más.");
        assertThat(Catalogue.standard().text(Locale.ENGLISH, ImportFile.TOO_LARGE))
                .isEqualTo("That file is over 2 MB; split it into smaller imports.");
    }
}
