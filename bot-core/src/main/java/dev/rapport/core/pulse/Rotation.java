package dev.rapport.core.pulse;

import dev.rapport.core.pair.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Picks the pulse statements for one check-in.
 *
 * <p>Each pair's six dimensions are split once, by a shuffle seeded with the pair's id, into two halves
 * of three. Check-ins alternate between the halves, so any two consecutive check-ins cover all six
 * dimensions. Within a half the leading dimension rotates from one round to the next, and so does the
 * statement asked for each dimension, which counters the acquiescence and halo effects that the
 * mentoring-instrument literature warns of. Both sides of a pair get the same dimensions and the same
 * paired item in the same period, so their views can be compared.
 */
public final class Rotation {

    /** Statements per check-in; the design caps it at three. */
    public static final int QUESTIONS_PER_CHECK_IN = 3;

    private final QuestionBank bank;

    public Rotation(QuestionBank bank) {
        this.bank = bank;
    }

    public QuestionBank bank() {
        return bank;
    }

    /** The dimensions asked in check-in number {@code seq} (0-based) of the given pair. */
    public List<Dimension> dimensionsFor(long pairId, int seq) {
        List<Dimension> order = new ArrayList<>(List.of(Dimension.values()));
        SplittableRandom random = new SplittableRandom(pairId * 0x9E3779B97F4A7C15L);
        for (int i = order.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            Dimension t = order.get(i);
            order.set(i, order.get(j));
            order.set(j, t);
        }
        int half = Math.floorMod(seq, 2);
        List<Dimension> chosen =
                new ArrayList<>(order.subList(half * QUESTIONS_PER_CHECK_IN, (half + 1) * QUESTIONS_PER_CHECK_IN));
        int round = Math.floorDiv(seq, 2);
        java.util.Collections.rotate(chosen, -Math.floorMod(round, QUESTIONS_PER_CHECK_IN));
        return List.copyOf(chosen);
    }

    /** The statements asked of {@code role} in check-in number {@code seq} of the given pair. */
    public List<Question> questionsFor(long pairId, Role role, int seq) {
        int round = Math.floorDiv(seq, 2);
        List<Question> questions = new ArrayList<>(QUESTIONS_PER_CHECK_IN);
        for (Dimension d : dimensionsFor(pairId, seq)) {
            List<Question> statements = bank.statements(role, d);
            questions.add(statements.get(Math.floorMod(round, statements.size())));
        }
        return questions;
    }
}
