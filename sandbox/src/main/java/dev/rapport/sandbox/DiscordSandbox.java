package dev.rapport.sandbox;

import static dev.rapport.sandbox.SandboxLanguages.text;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.rapport.core.chat.Mentions;
import dev.rapport.core.command.CommandService;
import dev.rapport.core.command.Parameter;
import dev.rapport.core.command.Subcommand;
import dev.rapport.localdiscord.Actor;
import dev.rapport.localdiscord.DiscordMessage;
import dev.rapport.localdiscord.Interaction;
import dev.rapport.localdiscord.InteractionResponse;
import dev.rapport.localdiscord.LocalDiscord;
import dev.rapport.localdiscord.Options;
import dev.rapport.localdiscord.UploadedFile;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;

/**
 * The demo's Discord side: acting as its people on the local Discord (which dispatches to the real JDA adapter over
 * its gateway, exactly as Discord would), and turning what each of them sees into {@link Screen} items: their DMs
 * with the bot, the private replies to what they ran or tapped, and a form the bot opened for them.
 *
 * <p>A line typed into the page ({@code add-pair @Grace @Mia}) becomes the slash command Discord's client would send:
 * the subcommand and its typed options, from the core's own parameter list, people by mention or by name.
 */
final class DiscordSandbox {

    private final LocalDiscord discord;
    private final CommandService commands;
    /** What each person ran or tapped, oldest first: their replies and forms hang off these. */
    private final Map<Long, List<Interaction>> interactions = new ConcurrentHashMap<>();
    /** Forms already submitted (by the interaction that opened them), so they leave the screen. */
    private final Set<Long> submitted = ConcurrentHashMap.newKeySet();

    private final SandboxLanguages languages;

    DiscordSandbox(LocalDiscord discord, CommandService commands, SandboxLanguages languages) {
        this.discord = discord;
        this.commands = commands;
        this.languages = languages;
    }

    /** Whether the real Discord adapter is logged in to the local Discord and has registered {@code /rapport}. */
    boolean connected() {
        return !discord.connectedShards().isEmpty() && discord.commandsJson(0).contains("\"rapport\"");
    }

    /** Runs {@code /rapport text} as someone in the demo server and waits briefly for the reply. */
    String command(long userId, String text) {
        CommandService.Invocation found = commands.find(text)
                .orElseThrow(
                        () -> new IllegalArgumentException(text("sandbox.not-a-command", "command", text.strip())));
        Subcommand sub = found.subcommand();
        Map<String, Object> options = options(sub, found.arguments());
        String path = sub.group().map(g -> g + " " + sub.name()).orElse(sub.name());
        Interaction i = actor(userId).slashCommand("rapport", path, options);
        remember(userId, i);
        try {
            // The adapter defers at once, then edits the deferral with the reply: two answers.
            i.awaitResponses(2, Duration.ofSeconds(30));
        } catch (AssertionError | RuntimeException slow) {
            // The reply shows on the person's screen whenever it comes.
        }
        return i.originalMessage()
                .map(m -> m.content() == null ? "" : m.content())
                .orElse("");
    }

    void click(long userId, long messageId, String customId) {
        Interaction i = discord.as(userId).click(messageId, customId);
        remember(userId, i);
        i.awaitResponse(Duration.ofSeconds(10));
    }

    /** A choice in a message's select menu, as Discord sends it (component type 3, the picked value). */
    void select(long userId, long messageId, String menu, String value) {
        DiscordMessage m =
                discord.message(messageId).orElseThrow(() -> new IllegalArgumentException("no message " + messageId));
        Interaction i = discord.as(userId).select(m, menu, value);
        remember(userId, i);
        i.awaitResponse(Duration.ofSeconds(10));
    }

    void submit(long userId, long openerId, Map<String, String> values) {
        Interaction opener = interactions.getOrDefault(userId, List.of()).stream()
                .filter(i -> i.id() == openerId)
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(text("sandbox.no-form", "id", openerId)));
        Map<String, Object> typed = new LinkedHashMap<>();
        for (Field f : modalFields(modalOf(opener).orElseThrow())) {
            String v = values.get(f.key());
            if (f.checkbox()) {
                typed.put(f.key(), Boolean.parseBoolean(v));
            } else if (v != null && !v.isEmpty()) {
                typed.put(f.key(), v);
            }
        }
        submitted.add(openerId);
        Interaction i = discord.as(userId).submitModal(opener, typed);
        remember(userId, i);
        i.awaitResponse(Duration.ofSeconds(10));
    }

    void close(long openerId) {
        submitted.add(openerId);
    }

    Optional<UploadedFile> file(long fileId) {
        return discord.messages().stream()
                .flatMap(m -> m.attachments().stream())
                .filter(f -> f.id() == fileId)
                .findFirst();
    }

    /** What someone sees, in the order it appeared: DMs, private replies, a form they still have to fill in. */
    List<Screen.Item> screen(long userId) {
        record Timed(long order, Screen.Item item) {}
        List<Timed> items = new ArrayList<>();
        for (DiscordMessage m : discord.messagesTo(userId)) {
            if (!m.deleted()) {
                items.add(new Timed(m.id(), DiscordScreen.message(m, "message")));
            }
        }
        Map<Long, DiscordMessage> latest = new LinkedHashMap<>();
        Set<Long> mine = new HashSet<>();
        for (Interaction i : interactions.getOrDefault(userId, List.of())) {
            mine.add(i.id());
            Optional<InteractionResponse> modal = modalOf(i);
            if (modal.isPresent() && !submitted.contains(i.id())) {
                items.add(new Timed(i.id() + 1, form(i, modal.get(), languages.of(Long.toString(userId)))));
            }
        }
        for (DiscordMessage m : discord.messages()) {
            if (mine.contains(m.interactionId()) && m.recipientId() == 0) {
                latest.merge(m.id(), m, (a, b) -> b.version() >= a.version() ? b : a);
            }
        }
        for (DiscordMessage m : latest.values()) {
            if (!m.deleted() && !m.loading()) {
                items.add(new Timed(m.id(), DiscordScreen.message(m, "note")));
            }
        }
        return items.stream()
                .sorted(Comparator.comparingLong(Timed::order))
                .map(Timed::item)
                .toList();
    }

    private Actor actor(long userId) {
        return discord.as(SandboxWorld.DISCORD_GUILD, userId).in(SandboxWorld.DISCORD_CHANNEL);
    }

    private void remember(long userId, Interaction i) {
        interactions.computeIfAbsent(userId, k -> new CopyOnWriteArrayList<>()).add(i);
    }

    // ---- a typed line to a slash command

    /** Assigns the words to the subcommand's parameters in order, skipping optional ones a word cannot be. */
    private Map<String, Object> options(Subcommand sub, List<String> words) {
        Map<String, Object> options = new LinkedHashMap<>();
        int w = 0;
        for (Parameter p : commands.parameters(sub)) {
            if (w >= words.size()) {
                break;
            }
            String word = words.get(w);
            if (word.toLowerCase(Locale.ROOT).startsWith("programme=")) {
                options.put("programme", word.substring(word.indexOf('=') + 1));
                w++;
                continue;
            }
            switch (p.kind()) {
                case USER -> {
                    Optional<Long> who = person(word);
                    if (who.isPresent()) {
                        options.put(p.name(), Options.user(who.get()));
                        w++;
                    } else if (p.required()) {
                        throw new IllegalArgumentException(text("sandbox.nobody-in-server", "word", word));
                    }
                }
                case DATE -> {
                    if (word.matches("\\d{4}-\\d{2}-\\d{2}")
                            || word.equalsIgnoreCase("today")
                            || word.equalsIgnoreCase("yesterday")
                            || p.required()) {
                        options.put(p.name(), word);
                        w++;
                    }
                }
                case NUMBER -> {
                    try {
                        options.put(p.name(), Long.parseLong(word));
                        w++;
                    } catch (NumberFormatException e) {
                        if (p.required()) {
                            throw new IllegalArgumentException(text("sandbox.not-a-number", "word", word));
                        }
                    }
                }
                case PAIR -> {
                    Optional<Long> who = person(word);
                    options.put(
                            p.name(),
                            who.map(id -> Mentions.person(Long.toString(id))).orElse(word));
                    w++;
                }
                case REST -> {
                    options.put(p.name(), String.join(" ", words.subList(w, words.size())));
                    w = words.size();
                }
                case FILE -> {}
                default -> {
                    options.put(p.name(), word);
                    w++;
                }
            }
        }
        return options;
    }

    /** Someone in the demo server, by mention, id, or (part of) their name after an optional {@code @}. */
    private static Optional<Long> person(String word) {
        Matcher m = Mentions.PERSON.matcher(word);
        if (m.matches() && m.group(1).chars().allMatch(Character::isDigit)) {
            return Optional.of(Long.parseLong(m.group(1)));
        }
        String name = word.startsWith("@") ? word.substring(1) : word;
        if (name.isBlank()) {
            return Optional.empty();
        }
        return SandboxWorld.DISCORD_PEOPLE.stream()
                .filter(p -> p.userId().equals(name)
                        || p.handle().equalsIgnoreCase(name)
                        || p.name().toLowerCase(Locale.ROOT).contains(name.toLowerCase(Locale.ROOT)))
                .map(p -> Long.parseLong(p.userId()))
                .findFirst();
    }

    // ---- Discord's modals to screen items (messages: DiscordScreen)

    private static Optional<InteractionResponse> modalOf(Interaction i) {
        return i.responses().stream()
                .filter(r -> r.kind() == InteractionResponse.Kind.CALLBACK
                        && r.type() == InteractionResponse.MODAL
                        && r.accepted())
                .findFirst();
    }

    private record Field(String key, String label, boolean paragraph, boolean required, boolean checkbox) {}

    /** A modal's inputs: label components (type 18) around a text input (4) or a checkbox, or bare text inputs. */
    private static List<Field> modalFields(InteractionResponse modal) {
        List<Field> fields = new ArrayList<>();
        if (modal.componentsJson() == null) {
            return fields;
        }
        for (JsonElement e : JsonParser.parseString(modal.componentsJson()).getAsJsonArray()) {
            collectFields(e.getAsJsonObject(), null, fields);
        }
        return fields;
    }

    private static void collectFields(JsonObject c, String label, List<Field> out) {
        int type = c.has("type") ? c.get("type").getAsInt() : 0;
        String here = c.has("label") ? c.get("label").getAsString() : label;
        switch (type) {
            case 4 ->
                out.add(new Field(
                        c.get("custom_id").getAsString(),
                        here == null ? "" : here,
                        c.has("style") && c.get("style").getAsInt() == 2,
                        !c.has("required") || c.get("required").getAsBoolean(),
                        false));
            case 23 ->
                out.add(new Field(c.get("custom_id").getAsString(), here == null ? "" : here, false, false, true));
            default -> {
                if (c.has("component")) {
                    collectFields(c.getAsJsonObject("component"), here, out);
                }
                if (c.has("components")) {
                    for (JsonElement child : c.getAsJsonArray("components")) {
                        collectFields(child.getAsJsonObject(), here, out);
                    }
                }
            }
        }
    }

    /** A modal as Discord's client shows it: its own buttons (submit, cancel) in the person's language. */
    private static Screen.Item form(Interaction opener, InteractionResponse modal, Locale language) {
        List<Screen.Part> parts = new ArrayList<>();
        for (Field f : modalFields(modal)) {
            parts.add(new Screen.Field(
                    f.key(),
                    f.label(),
                    f.checkbox() ? "checkbox" : f.paragraph() ? "textarea" : "text",
                    f.required(),
                    null));
        }
        parts.add(new Screen.Submit(text(language, "sandbox.form.submit"), text(language, "sandbox.form.cancel")));
        String title = modal.modalTitle() == null ? text(language, "sandbox.form.title") : modal.modalTitle();
        return new Screen.Item(Long.toString(opener.id()), "form", title, parts, false);
    }
}
