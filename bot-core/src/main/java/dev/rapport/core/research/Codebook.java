package dev.rapport.core.research;

import dev.rapport.core.i18n.Catalogue;
import dev.rapport.core.pulse.Dimension;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * {@code codebook.md}: what the research export's files and columns mean, the scale, the dimensions with their source
 * (Mukhtar et al. 2024), every shipped item in every shipped language, and the bank's versions: the one shipped now and
 * each one the answers were asked from. Written in the language of the coordinator who asked; codes, ids and the
 * items' own wording are as stored.
 */
final class Codebook {

    private static final Catalogue CATALOGUE = Catalogue.standard();

    private final Locale in;

    private Codebook(Locale in) {
        this.in = in;
    }

    static String write(
            Locale in,
            LocalDate exportedOn,
            List<ShippedBanks.Bank> banks,
            ResearchSummary summary,
            List<ResearchFacts.Answer> answers) {
        return new Codebook(in).markdown(exportedOn, banks, summary, answers);
    }

    private String text(String key, Object... args) {
        return CATALOGUE.text(in, key, args);
    }

    private String markdown(
            LocalDate exportedOn,
            List<ShippedBanks.Bank> banks,
            ResearchSummary summary,
            List<ResearchFacts.Answer> answers) {
        Markdown md = new Markdown()
                .heading(1, text("research.codebook.title"))
                .paragraph(text("research.codebook.intro", "date", exportedOn))
                .paragraph(text("research.codebook.pseudonyms"))
                .heading(2, text("research.codebook.files.heading"))
                .bullets(List.of(
                        "`answers.csv`: " + text("research.codebook.files.answers"),
                        "`items.csv`: " + text("research.codebook.files.items"),
                        "`codebook.md`: " + text("research.codebook.files.codebook"),
                        "`summary.md`: " + text("research.codebook.files.summary")))
                .heading(2, text("research.codebook.columns.heading"))
                .table(
                        List.of(text("research.codebook.column"), text("research.codebook.meaning")),
                        AnswersFile.ANSWER_COLUMNS.stream()
                                .map(c -> List.of("`" + c + "`", text("research.codebook.column." + c)))
                                .toList())
                .heading(2, text("research.codebook.scale.heading"))
                .paragraph(text("research.codebook.scale.intro"));
        List<String> points = new ArrayList<>();
        for (int score = 1; score <= 5; score++) {
            points.add(CATALOGUE.text(in, "checkin.scale.answer", "score", score));
        }
        points.add(text("research.codebook.scale.empty"));
        md.bullets(points)
                .heading(2, text("research.codebook.dimensions.heading"))
                .paragraph(text("research.codebook.dimensions.intro"));
        List<String> headers = new ArrayList<>(List.of(text("research.codebook.code")));
        banks.forEach(b -> headers.add(languageName(b.language())));
        List<List<String>> dimensions = new ArrayList<>();
        for (Dimension d : Dimension.values()) {
            List<String> row = new ArrayList<>(List.of("`" + d.name() + "`"));
            banks.forEach(b -> row.add(dimensionLabel(Locale.of(b.language()), d.name())));
            dimensions.add(row);
        }
        md.table(headers, dimensions).heading(2, text("research.codebook.items.heading"));
        md.paragraph(text("research.codebook.items.intro"));
        for (ShippedBanks.Bank bank : banks) {
            md.heading(
                    3,
                    text(
                            "research.codebook.items.language",
                            "language",
                            languageName(bank.language()),
                            "code",
                            bank.language(),
                            "version",
                            bank.version()));
            md.table(
                    List.of("question_id", "dimension", "role", text("research.codebook.items.text")),
                    bank.items().stream()
                            .map(q -> List.of(
                                    "`" + q.id() + "`",
                                    q.dimension().name(),
                                    q.role().name(),
                                    q.text()))
                            .toList());
        }
        versions(md, banks, summary, answers);
        return md.heading(2, text("research.codebook.reference.heading"))
                .paragraph(text("research.codebook.reference"))
                .toString();
    }

    private void versions(
            Markdown md, List<ShippedBanks.Bank> banks, ResearchSummary summary, List<ResearchFacts.Answer> answers) {
        String shipped = banks.isEmpty() ? "" : banks.getFirst().version();
        md.heading(2, text("research.codebook.versions.heading"))
                .paragraph(text("research.codebook.versions.rule"))
                .paragraph(text("research.codebook.versions.shipped", "version", shipped));
        if (summary.versions().isEmpty()) {
            md.paragraph(text("research.codebook.versions.no-answers"));
        } else {
            md.paragraph(text("research.codebook.versions.found"))
                    .table(
                            List.of(
                                    "bank_version",
                                    text("research.codebook.versions.answers"),
                                    text("research.codebook.versions.first"),
                                    text("research.codebook.versions.last")),
                            summary.versions().stream()
                                    .map(v -> List.of(
                                            "`" + v.bankVersion() + "`",
                                            text("research.number.count", "value", v.answers()),
                                            v.firstPeriod().toString(),
                                            v.lastPeriod().toString()))
                                    .toList());
        }
        Set<String> known = banks.stream()
                .flatMap(b -> b.items().stream().map(q -> b.version() + "/" + q.id()))
                .collect(Collectors.toSet());
        Set<String> other = answers.stream()
                .map(a -> a.bankVersion() + "/" + a.questionId())
                .filter(id -> !known.contains(id))
                .collect(Collectors.toCollection(TreeSet::new));
        if (!other.isEmpty()) {
            md.paragraph(text("research.codebook.versions.other"))
                    .bullets(other.stream().map(id -> "`" + id + "`").toList());
        }
    }

    /** A dimension's name in a language: the check-ins' own label for a known one, its code otherwise. */
    static String dimensionLabel(Locale language, String code) {
        for (Dimension d : Dimension.values()) {
            if (d.name().equals(code)) {
                return CATALOGUE.text(language, "pulse.dimension." + code.toLowerCase(Locale.ROOT));
            }
        }
        return code;
    }

    private String languageName(String code) {
        return Locale.of(code).getDisplayLanguage(in);
    }
}
