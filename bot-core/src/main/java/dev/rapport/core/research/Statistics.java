package dev.rapport.core.research;

import java.util.List;
import java.util.OptionalDouble;

/**
 * The few statistics a research export's summary gives, as pure functions: the mean, the sample standard deviation
 * and Cronbach's alpha. Variances are sample variances (divided by n − 1), for items and totals alike.
 */
final class Statistics {

    private Statistics() {}

    static double mean(double[] xs) {
        if (xs.length == 0) {
            throw new IllegalArgumentException("the mean of nothing");
        }
        double sum = 0;
        for (double x : xs) {
            sum += x;
        }
        return sum / xs.length;
    }

    /** The sample variance (n − 1); empty with fewer than two values. */
    static OptionalDouble variance(double[] xs) {
        if (xs.length < 2) {
            return OptionalDouble.empty();
        }
        double mean = mean(xs);
        double squares = 0;
        for (double x : xs) {
            squares += (x - mean) * (x - mean);
        }
        return OptionalDouble.of(squares / (xs.length - 1));
    }

    /** The sample standard deviation; empty with fewer than two values. */
    static OptionalDouble sd(double[] xs) {
        OptionalDouble variance = variance(xs);
        return variance.isPresent() ? OptionalDouble.of(Math.sqrt(variance.getAsDouble())) : OptionalDouble.empty();
    }

    /**
     * Cronbach's alpha, α = k/(k − 1) · (1 − Σσ²ᵢ / σ²ₜ), over complete cases: each case holds one score per item, in
     * the same order, and σ²ₜ is the variance of the cases' totals. Empty when it is not defined: fewer than two items
     * or two cases, or totals that do not vary.
     */
    static OptionalDouble cronbachAlpha(List<double[]> cases) {
        if (cases.size() < 2) {
            return OptionalDouble.empty();
        }
        int k = cases.getFirst().length;
        if (k < 2) {
            return OptionalDouble.empty();
        }
        double itemVariances = 0;
        for (int item = 0; item < k; item++) {
            double[] column = new double[cases.size()];
            for (int c = 0; c < cases.size(); c++) {
                if (cases.get(c).length != k) {
                    throw new IllegalArgumentException("every case needs a score for each of the " + k + " items");
                }
                column[c] = cases.get(c)[item];
            }
            itemVariances += variance(column).orElseThrow();
        }
        double[] totals = new double[cases.size()];
        for (int c = 0; c < cases.size(); c++) {
            for (double score : cases.get(c)) {
                totals[c] += score;
            }
        }
        double totalVariance = variance(totals).orElseThrow();
        if (totalVariance == 0) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of((double) k / (k - 1) * (1 - itemVariances / totalVariance));
    }
}
