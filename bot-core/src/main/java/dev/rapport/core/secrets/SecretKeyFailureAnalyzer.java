package dev.rapport.core.secrets;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a missing or short secret key at startup into what to do, instead of a stack trace. */
class SecretKeyFailureAnalyzer extends AbstractFailureAnalyzer<SecretKeyMissingException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, SecretKeyMissingException cause) {
        return new FailureAnalysis(
                cause.getMessage(),
                "Set RAPPORT_SECRET_KEY to a random string of at least 32 characters (openssl rand -base64 32), the same"
                        + " on every instance, and keep a copy apart from the database's backups: what it encrypted"
                        + " cannot be read without it. See \"Secrets at rest\" in the README.",
                cause);
    }
}
