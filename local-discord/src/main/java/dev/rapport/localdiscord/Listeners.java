package dev.rapport.localdiscord;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;

/**
 * Tells interested parties (the sandbox's page) about new message versions and interaction responses. Events are
 * handed to one thread of their own, in order, so a listener never runs under the local Discord's locks and a slow one
 * delays only the next event, never the bot.
 */
final class Listeners {

    private final List<Consumer<DiscordMessage>> messages = new CopyOnWriteArrayList<>();
    private final List<Consumer<InteractionResponse>> responses = new CopyOnWriteArrayList<>();
    private final ExecutorService executor = Executors.newSingleThreadExecutor(
            Thread.ofVirtual().name("local-discord-listeners").factory());

    void onMessage(Consumer<DiscordMessage> listener) {
        messages.add(listener);
    }

    void onResponse(Consumer<InteractionResponse> listener) {
        responses.add(listener);
    }

    void message(DiscordMessage m) {
        if (!messages.isEmpty()) {
            submit(() -> messages.forEach(l -> deliver(l, m)));
        }
    }

    void response(InteractionResponse r) {
        if (!responses.isEmpty()) {
            submit(() -> responses.forEach(l -> deliver(l, r)));
        }
    }

    private void submit(Runnable task) {
        try {
            executor.execute(task);
        } catch (RejectedExecutionException closed) {
            // The local Discord is closing: nobody is listening any more.
        }
    }

    private static <T> void deliver(Consumer<T> listener, T event) {
        try {
            listener.accept(event);
        } catch (RuntimeException ignored) {
            // A failing listener must not stop the others, nor the next events.
        }
    }

    void close() {
        executor.shutdownNow();
    }
}
