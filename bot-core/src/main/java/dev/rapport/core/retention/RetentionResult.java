package dev.rapport.core.retention;

/**
 * What one retention pass removed.
 *
 * @param payloadsCleared outbox rows whose message text was erased
 * @param eventsForgotten handled platform event ids forgotten
 * @param pairsErased ended pairs erased with everything recorded about them
 */
public record RetentionResult(int payloadsCleared, int eventsForgotten, int pairsErased) {

    public boolean isEmpty() {
        return payloadsCleared == 0 && eventsForgotten == 0 && pairsErased == 0;
    }
}
