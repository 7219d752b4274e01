package dev.rapport.sandbox;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Says plainly why the sandbox refused to start and what to set instead, rather than a stack trace. */
class SandboxFailureAnalyzer extends AbstractFailureAnalyzer<SandboxRefusedException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, SandboxRefusedException cause) {
        return new FailureAnalysis(cause.getMessage(), cause.action(), cause);
    }
}
