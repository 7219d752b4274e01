/**
 * The research export ({@code /rapport export research}): the answers of the participants who consented
 * ({@link dev.rapport.core.participant.ResearchConsent}), item by item, under pseudonymous ids that hold for one export
 * only, with a codebook and a short evaluation summary, as one ZIP file. Built as a functional core:
 * {@link dev.rapport.core.research.ResearchFactsReader} reads {@link dev.rapport.core.research.ResearchFacts} in two
 * set-wise queries; {@link dev.rapport.core.research.ResearchSummary} and {@link dev.rapport.core.research.Statistics}
 * are pure computations; the writers ({@code AnswersFile}, {@code Codebook}, {@code SummaryReport}) turn them into
 * files; {@link dev.rapport.core.research.ResearchExport} puts it together. No name, comment, note, free text or
 * platform id is read, so none can be written.
 */
package dev.rapport.core.research;
