package dev.rapport.core.research;

import dev.rapport.core.pulse.Dimension;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * A research export's evaluation summary, computed from its {@link ResearchFacts} alone (a pure function): each
 * dimension's mean and spread per role, Cronbach's alpha per dimension and role where the bank version has two or more
 * items, the response rates by role, and which bank versions the answers come from. An answer without a score
 * ("not applicable", or none) counts nowhere but in the answers file.
 *
 * @param people how many consenting participants' answers the export holds
 * @param levels per role and dimension, the scores' mean and sample standard deviation
 * @param reliabilities per bank version, role and dimension with at least two items: Cronbach's alpha over complete
 *     cases, a case being one respondent who scored every item of the dimension at least once in the export's
 *     periods, each item taken as their mean score on it
 * @param rates per role, the check-ins sent to consenting participants and how many they answered
 * @param versions per bank version found in the answers, how many answers and which periods
 */
record ResearchSummary(
        long people, List<Level> levels, List<Reliability> reliabilities, List<Rate> rates, List<Version> versions) {

    record Level(String role, String dimension, int n, double mean, OptionalDouble sd) {}

    /**
     * @param items the question ids of the dimension's items in that version and role (those found in the answers)
     * @param completeCases respondents who scored each of them at least once
     * @param alpha empty when it is not defined (fewer than two complete cases, or totals that do not vary)
     */
    record Reliability(
            String bankVersion,
            String role,
            String dimension,
            List<String> items,
            int completeCases,
            OptionalDouble alpha) {}

    record Rate(String role, long respondents, long sent, long answered) {

        /** Answered over sent, 0–1; 0 when nothing was sent. */
        double rate() {
            return sent == 0 ? 0 : (double) answered / sent;
        }
    }

    record Version(String bankVersion, long answers, LocalDate firstPeriod, LocalDate lastPeriod) {}

    /** Dimensions in the bank's order, then any other a stored answer names, alphabetically. */
    static final Comparator<String> DIMENSIONS = Comparator.<String>comparingInt(d -> {
                for (Dimension known : Dimension.values()) {
                    if (known.name().equals(d)) {
                        return known.ordinal();
                    }
                }
                return Dimension.values().length;
            })
            .thenComparing(Comparator.naturalOrder());

    static ResearchSummary of(ResearchFacts facts) {
        List<ResearchFacts.Answer> scored =
                facts.answers().stream().filter(a -> a.score() != null).toList();
        return new ResearchSummary(
                facts.answers().stream()
                        .mapToLong(ResearchFacts.Answer::personId)
                        .distinct()
                        .count(),
                levels(scored),
                reliabilities(facts.answers()),
                facts.responses().stream()
                        .map(r -> new Rate(r.role(), r.respondents(), r.sent(), r.answered()))
                        .toList(),
                versions(facts.answers()));
    }

    private static List<Level> levels(List<ResearchFacts.Answer> scored) {
        Map<String, Map<String, List<ResearchFacts.Answer>>> byRole = new TreeMap<>();
        for (ResearchFacts.Answer a : scored) {
            byRole.computeIfAbsent(a.role(), r -> new TreeMap<>(DIMENSIONS))
                    .computeIfAbsent(a.dimension(), d -> new ArrayList<>())
                    .add(a);
        }
        List<Level> out = new ArrayList<>();
        byRole.forEach((role, dimensions) -> dimensions.forEach((dimension, answers) -> {
            double[] scores =
                    answers.stream().mapToDouble(ResearchFacts.Answer::score).toArray();
            out.add(new Level(role, dimension, scores.length, Statistics.mean(scores), Statistics.sd(scores)));
        }));
        return out;
    }

    /** The key of a dimension's items within one bank version and role. */
    private record Scale(String bankVersion, String role, String dimension) {}

    private static List<Reliability> reliabilities(List<ResearchFacts.Answer> answers) {
        Comparator<Scale> order = Comparator.comparing(Scale::bankVersion)
                .thenComparing(Scale::role)
                .thenComparing(Scale::dimension, DIMENSIONS);
        Map<Scale, List<ResearchFacts.Answer>> byScale = new TreeMap<>(order);
        for (ResearchFacts.Answer a : answers) {
            byScale.computeIfAbsent(new Scale(a.bankVersion(), a.role(), a.dimension()), s -> new ArrayList<>())
                    .add(a);
        }
        List<Reliability> out = new ArrayList<>();
        byScale.forEach((scale, mine) -> {
            List<String> items = List.copyOf(
                    mine.stream().map(ResearchFacts.Answer::questionId).collect(Collectors.toCollection(TreeSet::new)));
            if (items.size() < 2) {
                return;
            }
            // One case per respondent: their mean score on each item over the export's periods, complete when they
            // scored every item at least once. Check-ins rotate the statements (one per dimension at a time), so a
            // single check-in seldom holds all of a dimension's items, while a person answers each over a few weeks.
            Map<Long, Map<String, List<Integer>>> byPerson = new LinkedHashMap<>();
            for (ResearchFacts.Answer a : mine) {
                if (a.score() != null) {
                    byPerson.computeIfAbsent(a.personId(), c -> new LinkedHashMap<>())
                            .computeIfAbsent(a.questionId(), q -> new ArrayList<>())
                            .add(a.score());
                }
            }
            List<double[]> cases = new ArrayList<>();
            for (Map<String, List<Integer>> scores : byPerson.values()) {
                if (items.stream().allMatch(scores::containsKey)) {
                    cases.add(items.stream()
                            .mapToDouble(item -> scores.get(item).stream()
                                    .mapToInt(Integer::intValue)
                                    .average()
                                    .orElseThrow())
                            .toArray());
                }
            }
            out.add(new Reliability(
                    scale.bankVersion(),
                    scale.role(),
                    scale.dimension(),
                    items,
                    cases.size(),
                    Statistics.cronbachAlpha(cases)));
        });
        return out;
    }

    private static List<Version> versions(List<ResearchFacts.Answer> answers) {
        return answers.stream()
                .collect(Collectors.groupingBy(ResearchFacts.Answer::bankVersion, TreeMap::new, Collectors.toList()))
                .entrySet()
                .stream()
                .map(e -> new Version(
                        e.getKey(),
                        e.getValue().size(),
                        e.getValue().stream()
                                .map(ResearchFacts.Answer::period)
                                .min(Comparator.naturalOrder())
                                .orElseThrow(),
                        e.getValue().stream()
                                .map(ResearchFacts.Answer::period)
                                .max(Comparator.naturalOrder())
                                .orElseThrow()))
                .toList();
    }
}
