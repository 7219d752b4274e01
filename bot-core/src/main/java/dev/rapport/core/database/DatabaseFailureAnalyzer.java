package dev.rapport.core.database;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns "no database" at startup into a short explanation and what to do, instead of a stack trace. */
class DatabaseFailureAnalyzer extends AbstractFailureAnalyzer<DatabaseUnavailableException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, DatabaseUnavailableException cause) {
        return new FailureAnalysis(
                cause.getMessage(),
                "Set RAPPORT_DB_URL, RAPPORT_DB_USER and RAPPORT_DB_PASSWORD to a PostgreSQL server Rapport can reach, or start"
                        + " one on localhost:5432. See the Database section of the README.",
                cause);
    }
}
