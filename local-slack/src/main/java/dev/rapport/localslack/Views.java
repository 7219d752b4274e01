package dev.rapport.localslack;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** The modals the local Slack has opened, each as it is now. */
final class Views {

    private final Map<String, OpenedView> byId = new LinkedHashMap<>();

    synchronized void put(OpenedView view) {
        byId.put(view.id(), view);
    }

    synchronized Optional<OpenedView> get(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    synchronized Optional<OpenedView> byExternalId(String teamId, String externalId) {
        return byId.values().stream()
                .filter(v -> v.teamId().equals(teamId) && Objects.equals(v.externalId(), externalId))
                .reduce((first, second) -> second);
    }

    synchronized List<OpenedView> all() {
        return List.copyOf(byId.values());
    }

    /** A person's open modals, oldest first: the stack {@code views.push} adds to. */
    synchronized List<OpenedView> openOf(String teamId, String userId) {
        List<OpenedView> open = new ArrayList<>();
        for (OpenedView v : byId.values()) {
            if (v.open() && v.teamId().equals(teamId) && v.userId().equals(userId)) {
                open.add(v);
            }
        }
        return open;
    }
}
