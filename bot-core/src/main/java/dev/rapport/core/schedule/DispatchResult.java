package dev.rapport.core.schedule;

/** What one pass of the dispatcher did with the rows it claimed. */
public record DispatchResult(int sent, int retried, int failed, int cancelled) {

    DispatchResult plus(DispatchResult o) {
        return new DispatchResult(sent + o.sent, retried + o.retried, failed + o.failed, cancelled + o.cancelled);
    }

    public int total() {
        return sent + retried + failed + cancelled;
    }
}
