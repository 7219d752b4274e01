package dev.rapport.core.pace;

/**
 * One platform rate limit, as a token bucket: on average at most {@code perSecond} requests a second, and at most
 * {@code burst} at once after a quiet spell.
 *
 * @param name what is limited, unique across platforms and workspaces (e.g. {@code slack:T0123:chat.postMessage});
 *     every instance that names the same limit shares its turns
 */
public record Limit(String name, double perSecond, int burst) {

    public Limit {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a limit has a name");
        }
        if (!(perSecond > 0) || burst < 1) {
            throw new IllegalArgumentException("a limit allows a positive rate and a burst of at least one");
        }
    }

    /**
     * The key its bucket is stored under. The rate is part of it, so instances configured differently do not fight
     * over one bucket's settings, and a new setting starts a fresh bucket.
     */
    String key() {
        return name + "@" + perSecond + "/" + burst;
    }
}
