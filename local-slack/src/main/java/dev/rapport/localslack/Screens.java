package dev.rapport.localslack;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What each person sees, in the order it appeared: the state behind {@link LocalSlack#screenOf}. Edits change an
 * item in place (Slack shows an edited message where it was), deletions remove it.
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

    private final List<Item> items = new ArrayList<>();

    synchronized void add(
            String teamId,
            String viewer,
            Seen.Kind kind,
            String id,
            String channel,
            String from,
            String text,
            String blocksJson,
            String via) {
        items.add(new Item(teamId, viewer, kind, id, channel, from, text, blocksJson, via));
    }

    /** A message changed for everyone who sees it ({@code chat.update}, {@code replace_original}). */
    synchronized void edit(String teamId, String channel, String id, String text, String blocksJson) {
        for (Item item : items) {
            if (item.kind != Seen.Kind.MODAL && matches(item, teamId, channel, id)) {
                item.text = text;
                item.blocksJson = blocksJson;
                item.edited = true;
            }
        }
    }

    synchronized void remove(String teamId, String channel, String id) {
        items.removeIf(item -> item.kind != Seen.Kind.MODAL && matches(item, teamId, channel, id));
    }

    /** A modal appeared or changed: one item per view id, where it first appeared. */
    synchronized void modal(OpenedView view) {
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

    synchronized List<Seen> of(String teamId, String userId) {
        List<Seen> seen = new ArrayList<>();
        for (Item item : items) {
            if (item.teamId.equals(teamId) && item.viewer.equals(userId)) {
                seen.add(item.seen());
            }
        }
        return seen;
    }

    private static boolean matches(Item item, String teamId, String channel, String id) {
        return item.teamId.equals(teamId) && Objects.equals(item.channel, channel) && item.id.equals(id);
    }
}
