package dev.rapport.core.pulse;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Every bank version Rapport knows: the current one, which new check-ins are asked from, and the archived ones, which
 * the check-ins and answers stored with their version are read with. A check-in keeps its bank version for good
 * ({@code check_in.bank_version}, and {@code answer.bank_version} on each answer), so a revision changes what is asked
 * from then on and never how an earlier answer reads.
 */
public final class QuestionBanks {

    /** The archived versions' bundles, oldest first; each keeps its own translations beside it. */
    public static final List<String> ARCHIVED = List.of("pulse.question-bank-2026-1");

    /**
     * The SQL condition under which an answer {@code a} counts toward levels, trends and gaps: it has a score (it is
     * not "not applicable") and its statement is about the mentor's conduct ({@link Question#countsTowardLevels}). It
     * takes one parameter, {@link #uncounted()}.
     */
    public static final String COUNTS = "(a.score is not null and (a.bank_version || ':' || a.question_id) <> all(?))";

    private final QuestionBank current;
    private final Map<String, QuestionBank> byVersion;

    public QuestionBanks(QuestionBank current, List<QuestionBank> archived) {
        this.current = current;
        Map<String, QuestionBank> versions = new LinkedHashMap<>();
        for (QuestionBank bank : archived) {
            versions.put(bank.version(), bank);
        }
        versions.put(current.version(), current);
        this.byVersion = Collections.unmodifiableMap(versions);
    }

    /** The shipped banks, the current one worded in {@code locale}'s language ({@link QuestionBank#load}). */
    public static QuestionBanks load(Locale locale) {
        List<QuestionBank> archived = new ArrayList<>();
        for (String bundle : ARCHIVED) {
            archived.add(QuestionBank.load(bundle, locale));
        }
        return new QuestionBanks(QuestionBank.load(QuestionBank.DEFAULT_BUNDLE, locale), archived);
    }

    public static QuestionBanks load() {
        return load(Locale.ROOT);
    }

    /** The bank new check-ins are asked from. */
    public QuestionBank current() {
        return current;
    }

    /** The bank of a stored version; the current one for a version this code does not ship (it is newer). */
    public QuestionBank version(String version) {
        return byVersion.getOrDefault(version, current);
    }

    /** A statement of a stored version. */
    public Optional<Question> find(String version, String id) {
        return version(version).find(id);
    }

    /** Every version, oldest first, the current one last. */
    public List<QuestionBank> all() {
        return List.copyOf(byVersion.values());
    }

    /** {@code version:id} of every statement that counts toward no level: the parameter of {@link #COUNTS}. */
    public String[] uncounted() {
        return all().stream()
                .flatMap(bank -> bank.all().stream()
                        .filter(q -> !q.countsTowardLevels())
                        .map(q -> bank.version() + ":" + q.id()))
                .toArray(String[]::new);
    }
}
