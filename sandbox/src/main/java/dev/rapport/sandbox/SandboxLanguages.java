package dev.rapport.sandbox;

import dev.rapport.core.chat.ChatUser;
import dev.rapport.core.chat.Platform;
import dev.rapport.core.i18n.Catalogue;
import dev.rapport.core.i18n.Languages;
import dev.rapport.core.participant.ParticipantLanguages;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The language each person in the demo reads, and switching it from the page: the sandbox sets it as the person's own
 * choice, exactly as {@code /rapport language fr} does ({@link ParticipantLanguages#setLanguage}), so their next
 * messages and answers come in it. The page's own chrome stays English; the sandbox's words that stand in for a
 * person's chat client (a Discord form's buttons) are in that person's language.
 */
final class SandboxLanguages {

    private static final Catalogue CATALOGUE = Catalogue.standard();

    private final ParticipantLanguages languages;

    SandboxLanguages(ParticipantLanguages languages) {
        this.languages = languages;
    }

    /** Sets the language {@code person} reads ({@code en}, {@code fr}, {@code es}); returns the one they read now. */
    String set(SandboxWorld.Person person, String code) {
        if (code == null || Languages.match(code).isEmpty()) {
            throw new IllegalArgumentException(text("sandbox.language.unknown", "code", String.valueOf(code)));
        }
        return languages.setLanguage(user(person), code).getLanguage();
    }

    /** The language a person reads now. */
    Locale of(SandboxWorld.Person person) {
        return languages.languageOrRequestLocale(user(person));
    }

    /** The language of someone in the demo, by user id; English for anyone else. */
    Locale of(String userId) {
        return SandboxWorld.PEOPLE.stream()
                .filter(p -> p.userId().equals(userId))
                .findFirst()
                .map(this::of)
                .orElse(Languages.ENGLISH);
    }

    /** The language each person in the demo reads now, by user id. */
    Map<String, String> everyone() {
        Map<String, String> out = new LinkedHashMap<>();
        for (SandboxWorld.Person p : SandboxWorld.PEOPLE) {
            out.put(p.userId(), of(p).getLanguage());
        }
        return out;
    }

    /** One of the sandbox's own texts for the page, whose chrome is English. */
    static String text(String key, Object... namesAndValues) {
        return CATALOGUE.text(Languages.ENGLISH, key, namesAndValues);
    }

    /** One of the sandbox's own texts in a person's language. */
    static String text(Locale language, String key, Object... namesAndValues) {
        return CATALOGUE.text(language, key, namesAndValues);
    }

    private static ChatUser user(SandboxWorld.Person p) {
        Platform platform = p.platform().equals("slack") ? Platform.SLACK : Platform.DISCORD;
        return ChatUser.of(platform, p.workspace(), p.userId(), p.name());
    }
}
