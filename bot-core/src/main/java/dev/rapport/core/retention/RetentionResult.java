package dev.rapport.core.retention;

/**
 * What one retention pass removed.
 *
 * @param payloadsCleared outbox rows whose message text was erased
 * @param eventsForgotten handled platform event ids forgotten
 * @param pairsErased ended pairs erased with everything recorded about them
 * @param auditDeleted audit records past their limit
 */
public record RetentionResult(int payloadsCleared, int eventsForgotten, int pairsErased, int auditDeleted) {

    public boolean isEmpty() {
        return payloadsCleared == 0 && eventsForgotten == 0 && pairsErased == 0 && auditDeleted == 0;
    }
}
