package dev.rapport.core.participant;

import dev.rapport.core.chat.ChatMessage;
import dev.rapport.core.chat.ChatMessage.Block;
import dev.rapport.core.chat.ChatMessage.Choice;
import dev.rapport.core.chat.ChatUser;
import dev.rapport.core.chat.InteractionResult;
import dev.rapport.core.i18n.Catalogue;
import dev.rapport.core.outbox.OutboxHandler;
import dev.rapport.core.outbox.OutboxKind;
import dev.rapport.core.outbox.OutboxRow;
import dev.rapport.core.outbox.Rendering;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The welcome as it is sent: its text, and the one-tap research question "may your anonymised answers be used to study
 * mentoring?" ({@link ResearchConsent}). A tap records the answer of whoever taps, for themselves only, so the buttons
 * carry no person's id; the person is told what they chose and how to change it.
 */
@Component
public class WelcomeMessage implements OutboxHandler {

    /** The action id of the "yes" button. */
    public static final String CONSENT_YES = "rapport:consent:yes";

    /** The action id of the "no" button. */
    public static final String CONSENT_NO = "rapport:consent:no";

    private static final Catalogue CATALOGUE = Catalogue.standard();

    private final ResearchConsent consent;
    private final ParticipantLanguages languages;

    WelcomeMessage(ResearchConsent consent, ParticipantLanguages languages) {
        this.consent = consent;
        this.languages = languages;
    }

    /** Whether an action id is one of the welcome's consent buttons. */
    public static boolean matches(String actionId) {
        return CONSENT_YES.equals(actionId) || CONSENT_NO.equals(actionId);
    }

    @Override
    public Set<OutboxKind> kinds() {
        return Set.of(OutboxKind.WELCOME);
    }

    @Override
    public Map<Long, Rendering> render(List<OutboxRow> rows, Instant now) {
        Map<Long, Rendering> out = new HashMap<>();
        for (OutboxRow row : rows) {
            out.put(row.id(), Rendering.send(message(row.payload(), row.language())));
        }
        return out;
    }

    static ChatMessage message(String payload, Locale in) {
        String text = CATALOGUE.render(in, payload);
        return new ChatMessage(
                text,
                List.of(
                        new Block.Text(text),
                        new Block.Question(
                                CATALOGUE.text(in, "research.consent.question"),
                                List.of(
                                        new Choice(CATALOGUE.text(in, "research.consent.button.yes"), CONSENT_YES),
                                        new Choice(CATALOGUE.text(in, "research.consent.button.no"), CONSENT_NO)),
                                CATALOGUE.text(in, "research.consent.hint"))));
    }

    /** Records the answer of the person who tapped, and tells them privately what it means now. */
    public InteractionResult click(ChatUser actor, String actionId) {
        Locale in = languages.languageOf(actor);
        return consent.set(actor, CONSENT_YES.equals(actionId))
                .map(c -> InteractionResult.notice(CATALOGUE.text(in, ResearchConsent.savedKey(c.given()))))
                .orElseGet(() -> InteractionResult.notice(CATALOGUE.text(in, "research.consent.not-a-participant")));
    }
}
