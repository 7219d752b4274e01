package dev.rapport.core.outbox;

/**
 * What one pass of the dispatcher did with the rows it claimed.
 *
 * @param retried rows put back to wait: rate limits, outages, failures to retry, sends not begun
 * @param expired rows that became pointless before they could be sent
 */
public record DispatchResult(int sent, int retried, int failed, int cancelled, int expired) {

    static final DispatchResult NONE = new DispatchResult(0, 0, 0, 0, 0);

    DispatchResult plus(DispatchResult o) {
        return new DispatchResult(
                sent + o.sent, retried + o.retried, failed + o.failed, cancelled + o.cancelled, expired + o.expired);
    }

    public int total() {
        return sent + retried + failed + cancelled + expired;
    }
}
