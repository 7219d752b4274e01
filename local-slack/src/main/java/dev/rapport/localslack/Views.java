package dev.rapport.localslack;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** The modals the local Slack has opened, each as it is now. Guarded by the {@link World}'s lock. */
final class Views {

    private final Map<String, OpenedView> byId = new LinkedHashMap<>();

    void put(OpenedView view) {
        byId.put(view.id(), view);
    }

    Optional<OpenedView> get(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    Optional<OpenedView> byExternalId(String teamId, String externalId) {
        return byId.values().stream()
                .filter(v -> v.teamId().equals(teamId) && Objects.equals(v.externalId(), externalId))
                .reduce((first, second) -> second);
    }

    List<OpenedView> all() {
        return List.copyOf(byId.values());
    }

    /** A person's open modals, oldest first: the stack {@code views.push} adds to. */
    List<OpenedView> openOf(String teamId, String userId) {
        List<OpenedView> open = new ArrayList<>();
        for (OpenedView v : byId.values()) {
            if (v.open() && v.teamId().equals(teamId) && v.userId().equals(userId)) {
                open.add(v);
            }
        }
        return open;
    }
}
