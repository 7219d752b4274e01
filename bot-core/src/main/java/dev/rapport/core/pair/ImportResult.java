package dev.rapport.core.pair;

/**
 * What a successful {@link PairImporter#importCsv CSV import} did.
 *
 * @param pairsAdded the number of pairs added (one per data line)
 * @param newParticipants the number of people who were not yet known to Rapport in this workspace and were
 *     registered (and welcomed) by the import
 */
public record ImportResult(int pairsAdded, int newParticipants) {}
