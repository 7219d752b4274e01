package dev.rapport.core.research;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.Comparator;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The research export's two CSV files, written with Commons CSV (RFC 4180: comma-separated, quoted where needed, CRLF
 * line ends, UTF-8, a header row): {@code answers.csv}, one row per answer, and {@code items.csv}, the shipped items in
 * every language. Only pseudonymous ids ({@link Pseudonyms}), codes, dates and numbers are written; the only text is
 * the bank's own statements in {@code items.csv}.
 */
final class AnswersFile {

    /** The columns of {@code answers.csv}, in order; the codebook explains each. */
    static final List<String> ANSWER_COLUMNS = List.of(
            "person_id",
            "pair_id",
            "role",
            "period",
            "period_week",
            "weeks_since_start",
            "bank_version",
            "question_id",
            "dimension",
            "score");

    /** The columns of {@code items.csv}, in order. */
    static final List<String> ITEM_COLUMNS =
            List.of("bank_version", "language", "question_id", "dimension", "role", "item", "text");

    private AnswersFile() {}

    /**
     * {@code answers.csv}. Rows are sorted by the pseudonymous pair id, then period, role and question id: an order
     * that owes nothing to the database's ids, so row positions cannot link two exports either.
     */
    static String answers(List<ResearchFacts.Answer> answers, Pseudonyms pseudonyms) {
        record Row(String person, String pair, ResearchFacts.Answer answer) {}
        List<Row> rows = answers.stream()
                .map(a -> new Row(pseudonyms.person(a.personId()), pseudonyms.pair(a.pairId()), a))
                .sorted(Comparator.comparing(Row::pair)
                        .thenComparing(r -> r.answer().period())
                        .thenComparing(r -> r.answer().role())
                        .thenComparing(Row::person)
                        .thenComparing(r -> r.answer().bankVersion())
                        .thenComparing(r -> r.answer().questionId()))
                .toList();
        return csv(ANSWER_COLUMNS, out -> {
            for (Row row : rows) {
                ResearchFacts.Answer a = row.answer();
                out.printRecord(
                        row.person(),
                        row.pair(),
                        a.role(),
                        a.period(),
                        isoWeek(a.period()),
                        a.weeksSinceStart(),
                        a.bankVersion(),
                        a.questionId(),
                        a.dimension(),
                        a.score());
            }
        });
    }

    /** {@code items.csv}: every shipped item in every shipped language. */
    static String items(List<ShippedBanks.Bank> banks) {
        return csv(ITEM_COLUMNS, out -> {
            for (ShippedBanks.Bank bank : banks) {
                for (var q : bank.items()) {
                    out.printRecord(
                            bank.version(),
                            bank.language(),
                            q.id(),
                            q.dimension().name(),
                            q.role().name(),
                            q.pairedItem(),
                            q.text());
                }
            }
        });
    }

    /** A date's ISO week, {@code 2026-W49}. */
    static String isoWeek(LocalDate date) {
        return "%d-W%02d".formatted(date.get(IsoFields.WEEK_BASED_YEAR), date.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    private interface Rows {
        void print(CSVPrinter out) throws IOException;
    }

    private static String csv(List<String> header, Rows rows) {
        StringWriter text = new StringWriter();
        CSVFormat format = CSVFormat.DEFAULT
                .builder()
                .setHeader(header.toArray(String[]::new))
                .get();
        try (CSVPrinter out = new CSVPrinter(text, format)) {
            rows.print(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }
}
