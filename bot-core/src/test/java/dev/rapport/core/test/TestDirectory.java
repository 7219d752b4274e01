package dev.rapport.core.test;

import dev.rapport.core.chat.Directory;
import dev.rapport.core.chat.Platform;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A directory the tests script: profiles by user id, on both platforms (it answers for whichever platform asks, since
 * the core looks directories up by platform). Unknown people have no profile. {@link #failNext()} makes the next
 * lookup report the platform as unavailable.
 */
public final class TestDirectory {

    private final Map<String, Directory.Profile> profiles = new ConcurrentHashMap<>();
    private final AtomicInteger failures = new AtomicInteger();
    private final AtomicInteger lookups = new AtomicInteger();

    public void profile(String userId, String displayName, java.time.ZoneId zone) {
        profiles.put(userId, new Directory.Profile(displayName, zone));
    }

    public void failNext() {
        failures.incrementAndGet();
    }

    public int lookups() {
        return lookups.get();
    }

    public void clear() {
        profiles.clear();
        failures.set(0);
        lookups.set(0);
    }

    /** The directory of one platform, answering from this script. */
    public Directory of(Platform platform) {
        return new Directory() {
            @Override
            public Platform platform() {
                return platform;
            }

            @Override
            public Optional<Profile> lookup(String workspaceId, String userId) {
                lookups.incrementAndGet();
                if (failures.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                    throw new DirectoryUnavailableException("scripted outage");
                }
                return Optional.ofNullable(profiles.get(userId));
            }
        };
    }
}
