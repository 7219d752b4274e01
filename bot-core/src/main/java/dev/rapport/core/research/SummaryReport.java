package dev.rapport.core.research;

import dev.rapport.core.i18n.Catalogue;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * {@code summary.md}: the research export's short evaluation, written from a {@link ResearchSummary} in the language of
 * the coordinator who asked: each dimension's mean and spread by role, Cronbach's alpha where a dimension has two or
 * more items (over complete cases, as it says), and the response rates by role.
 */
final class SummaryReport {

    private static final Catalogue CATALOGUE = Catalogue.standard();

    private final Locale in;

    private SummaryReport(Locale in) {
        this.in = in;
    }

    static String write(Locale in, LocalDate exportedOn, ResearchSummary summary) {
        return new SummaryReport(in).markdown(exportedOn, summary);
    }

    private String text(String key, Object... args) {
        return CATALOGUE.text(in, key, args);
    }

    private String markdown(LocalDate exportedOn, ResearchSummary summary) {
        Markdown md = new Markdown()
                .heading(1, text("research.summary.title"))
                .paragraph(text("research.summary.intro", "people", summary.people(), "date", exportedOn))
                .heading(2, text("research.summary.levels.heading"))
                .paragraph(text("research.summary.levels.method"));
        if (summary.levels().isEmpty()) {
            md.paragraph(text("research.summary.nothing"));
        } else {
            md.table(
                    List.of(
                            text("research.summary.column.role"),
                            text("research.summary.column.dimension"),
                            "n",
                            text("research.summary.column.mean"),
                            text("research.summary.column.sd")),
                    summary.levels().stream()
                            .map(l -> List.of(
                                    role(l.role()),
                                    Codebook.dimensionLabel(in, l.dimension()),
                                    count(l.n()),
                                    decimal(OptionalDouble.of(l.mean())),
                                    decimal(l.sd())))
                            .toList());
        }
        md.heading(2, text("research.summary.alpha.heading")).paragraph(text("research.summary.alpha.method"));
        if (summary.reliabilities().isEmpty()) {
            md.paragraph(text("research.summary.alpha.none"));
        } else {
            md.table(
                    List.of(
                            "bank_version",
                            text("research.summary.column.role"),
                            text("research.summary.column.dimension"),
                            text("research.summary.column.items"),
                            text("research.summary.column.complete-cases"),
                            "α"),
                    summary.reliabilities().stream()
                            .map(r -> List.of(
                                    "`" + r.bankVersion() + "`",
                                    role(r.role()),
                                    Codebook.dimensionLabel(in, r.dimension()),
                                    String.join(", ", r.items()),
                                    count(r.completeCases()),
                                    r.alpha().isPresent()
                                            ? decimal(r.alpha())
                                            : text("research.summary.alpha.not-computable")))
                            .toList());
        }
        md.heading(2, text("research.summary.rates.heading")).paragraph(text("research.summary.rates.method"));
        if (summary.rates().isEmpty()) {
            md.paragraph(text("research.summary.nothing"));
        } else {
            md.table(
                    List.of(
                            text("research.summary.column.role"),
                            text("research.summary.column.respondents"),
                            text("research.summary.column.sent"),
                            text("research.summary.column.answered"),
                            text("research.summary.column.rate")),
                    summary.rates().stream()
                            .map(r -> List.of(
                                    role(r.role()),
                                    count(r.respondents()),
                                    count(r.sent()),
                                    count(r.answered()),
                                    text("research.number.percent", "value", r.rate())))
                            .toList());
        }
        return md.toString();
    }

    private String role(String code) {
        return text("research.role", "role", code);
    }

    private String count(long n) {
        return text("research.number.count", "value", n);
    }

    private String decimal(OptionalDouble value) {
        return value.isPresent()
                ? text("research.number.decimal", "value", value.getAsDouble())
                : text("research.summary.none");
    }
}
