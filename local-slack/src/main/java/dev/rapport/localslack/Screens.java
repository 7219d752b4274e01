package dev.rapport.localslack;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What each person sees, in the order it appeared: the state behind {@link LocalSlack#screenOf}. Edits change an
 * item in place (Slack shows an edited message where it was), deletions remove it. The messages of a conversation are
 * also what {@code conversations.history} reads, so the two can never disagree. Guarded by the {@link World}'s lock.
 */
final class Screens {

    private static final class Item {
        final String teamId;
        final String viewer;
        final Seen.Kind kind;
        final String id;
        final String channel;
        final String from;
        final String via;
        String text;
        String blocksJson;
        String metadataJson;
        boolean edited;
        boolean open = true;
        Map<String, String> errors = Map.of();

        Item(
                String teamId,
                String viewer,
                Seen.Kind kind,
                String id,
                String channel,
                String from,
                String text,
                String blocksJson,
                String via) {
            this.teamId = teamId;
            this.viewer = viewer;
            this.kind = kind;
            this.id = id;
            this.channel = channel;
            this.from = from;
            this.text = text;
            this.blocksJson = blocksJson;
            this.via = via;
        }

        Seen seen() {
            return new Seen(kind, id, channel, from, text, blocksJson, edited, open, errors, via);
        }
    }

    /** A message of a conversation as it is now, for {@code conversations.history}. */
    record Posted(String ts, String from, String text, String blocksJson, String metadataJson) {}

    private final List<Item> items = new ArrayList<>();
    /**
     * The items shown in each conversation, by team and channel: edits and history stay proportional to one
     * conversation when a load test has put tens of thousands of messages into the whole workspace.
     */
    private final Map<String, List<Item>> byChannel = new HashMap<>();

    void add(
            String teamId,
            String viewer,
            Seen.Kind kind,
            String id,
            String channel,
            String from,
            String text,
            String blocksJson,
            String via) {
        add(teamId, viewer, kind, id, channel, from, text, blocksJson, null, via);
    }

    void add(
            String teamId,
            String viewer,
            Seen.Kind kind,
            String id,
            String channel,
            String from,
            String text,
            String blocksJson,
            String metadataJson,
            String via) {
        Item item = new Item(teamId, viewer, kind, id, channel, from, text, blocksJson, via);
        item.metadataJson = metadataJson;
        items.add(item);
        if (channel != null) {
            byChannel
                    .computeIfAbsent(key(teamId, channel), k -> new ArrayList<>())
                    .add(item);
        }
    }

    /** A message changed for everyone who sees it ({@code replace_original}); its metadata stays. */
    void edit(String teamId, String channel, String id, String text, String blocksJson) {
        for (Item item : inChannel(teamId, channel)) {
            if (item.id.equals(id)) {
                item.text = text;
                item.blocksJson = blocksJson;
                item.edited = true;
            }
        }
    }

    /** A message changed for everyone who sees it, metadata too ({@code chat.update}). */
    void edit(String teamId, String channel, String id, String text, String blocksJson, String metadataJson) {
        edit(teamId, channel, id, text, blocksJson);
        for (Item item : inChannel(teamId, channel)) {
            if (item.id.equals(id)) {
                item.metadataJson = metadataJson;
            }
        }
    }

    void remove(String teamId, String channel, String id) {
        List<Item> removed = new ArrayList<>();
        inChannel(teamId, channel).removeIf(item -> item.id.equals(id) && removed.add(item));
        items.removeAll(removed);
    }

    /**
     * The messages in a conversation as everyone there sees them, newest first: what the app posted (edits applied,
     * deletions gone) and what the person wrote. Ephemeral messages, modals and file shares are left out.
     */
    List<Posted> history(String teamId, String channel) {
        List<Posted> posted = new ArrayList<>();
        for (Item item : inChannel(teamId, channel)) {
            if (item.kind == Seen.Kind.MESSAGE) {
                posted.add(new Posted(item.id, item.from, item.text, item.blocksJson, item.metadataJson));
            }
        }
        posted.sort(Comparator.comparing((Posted p) -> new BigDecimal(p.ts())).reversed());
        return posted;
    }

    /** A modal appeared or changed: one item per view id, where it first appeared. */
    void modal(OpenedView view) {
        for (Item item : items) {
            if (item.kind == Seen.Kind.MODAL && item.id.equals(view.id())) {
                item.text = view.title();
                item.blocksJson = view.blocksJson();
                item.edited = view.version() > 1;
                item.open = view.open();
                item.errors = view.errors();
                return;
            }
        }
        Item item = new Item(
                view.teamId(),
                view.userId(),
                Seen.Kind.MODAL,
                view.id(),
                null,
                null,
                view.title(),
                view.blocksJson(),
                "views.open");
        item.open = view.open();
        items.add(item);
    }

    List<Seen> of(String teamId, String userId) {
        List<Seen> seen = new ArrayList<>();
        for (Item item : items) {
            if (item.teamId.equals(teamId) && item.viewer.equals(userId)) {
                seen.add(item.seen());
            }
        }
        return seen;
    }

    private List<Item> inChannel(String teamId, String channel) {
        if (channel == null) {
            return new ArrayList<>();
        }
        return byChannel.getOrDefault(key(teamId, channel), new ArrayList<>());
    }

    private static String key(String teamId, String channel) {
        return teamId + "/" + Objects.requireNonNull(channel);
    }
}
