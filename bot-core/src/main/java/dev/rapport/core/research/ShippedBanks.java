package dev.rapport.core.research;

import dev.rapport.core.i18n.Languages;
import dev.rapport.core.pair.Role;
import dev.rapport.core.pulse.Dimension;
import dev.rapport.core.pulse.Question;
import dev.rapport.core.pulse.QuestionBank;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The question bank as shipped, in every shipped language: what the codebook and {@code items.csv} list. Each
 * language's bank is read from its own file ({@code pulse/question-bank_<code>.properties}), items ordered by
 * dimension, item number and role.
 */
final class ShippedBanks {

    /** One language's bank. */
    record Bank(String language, String version, List<Question> items) {}

    private ShippedBanks() {}

    static List<Bank> all() {
        List<Bank> out = new ArrayList<>();
        for (String language : Languages.SHIPPED) {
            Locale locale = language.equals(Languages.ENGLISH.getLanguage()) ? Locale.ROOT : Locale.of(language);
            QuestionBank bank = QuestionBank.load(QuestionBank.DEFAULT_BUNDLE, locale);
            List<Question> items = new ArrayList<>();
            for (Dimension dimension : Dimension.values()) {
                List<Question> mentee = bank.statements(Role.MENTEE, dimension);
                List<Question> mentor = bank.statements(Role.MENTOR, dimension);
                int most = Math.max(mentee.size(), mentor.size());
                for (int i = 0; i < most; i++) {
                    if (i < mentee.size()) {
                        items.add(mentee.get(i));
                    }
                    if (i < mentor.size()) {
                        items.add(mentor.get(i));
                    }
                }
            }
            out.add(new Bank(language, bank.version(), List.copyOf(items)));
        }
        return List.copyOf(out);
    }
}
