package dev.rapport.core.participant;

import dev.rapport.core.chat.ChatUser;
import dev.rapport.core.i18n.Languages;
import java.util.List;
import java.util.Locale;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The language each person reads: what they chose, what their platform reports, and the rule that decides between
 * them and their programme's default ({@link Languages#resolve}).
 */
@Service
public class ParticipantLanguages {

    private final ParticipantService participants;
    private final JdbcTemplate jdbc;

    ParticipantLanguages(ParticipantService participants, JdbcTemplate jdbc) {
        this.participants = participants;
        this.jdbc = jdbc;
    }

    /**
     * Sets the language someone chose ({@code /rapport language <code>}), which then wins over whatever their platform
     * reports and their programme's default ({@link Languages#resolve}); null or blank forgets the choice. Applies to
     * every participant the person is (on Discord, one per server), as the person reads one language. Messages not yet
     * sent are rendered in it.
     *
     * @param code one of {@link Languages#codes()}, or a tag of one ({@code fr-FR})
     * @return the language they read now
     * @throws IllegalArgumentException when the code names no shipped language
     */
    @Transactional
    public Locale setLanguage(ChatUser person, String code) {
        String chosen = null;
        if (code != null && !code.isBlank()) {
            chosen = Languages.match(code)
                    .orElseThrow(() -> Languages.unknown(code.strip()))
                    .getLanguage();
        }
        for (ParticipantView p : participants.findEverywhere(person)) {
            jdbc.update("update participant set language = ? where id = ?", chosen, p.id());
        }
        return languageOf(person);
    }

    /**
     * Records the locale the person's platform reports (Discord's interaction {@code locale}, Slack's
     * {@code users.info} {@code locale}), as the platform wrote it; a blank one changes nothing. On Discord, whose user
     * ids are global, it is recorded on every server's participant.
     */
    @Transactional
    public void platformLocale(ChatUser user, String locale) {
        if (locale == null || locale.isBlank() || locale.length() > 35) {
            return;
        }
        if (user.platform().userIdsAreGlobal()) {
            jdbc.update(
                    "update participant set platform_locale = ? where platform = ? and platform_user_id = ?"
                            + " and platform_locale is distinct from ?",
                    locale.strip(),
                    user.platform().name(),
                    user.userId(),
                    locale.strip());
        } else {
            jdbc.update(
                    "update participant set platform_locale = ? where platform = ? and workspace_id = ?"
                            + " and platform_user_id = ? and platform_locale is distinct from ?",
                    locale.strip(),
                    user.platform().name(),
                    user.workspaceId(),
                    user.userId(),
                    locale.strip());
        }
    }

    /**
     * The language a person reads now ({@link Languages#resolve}). The locale their platform reports in this very
     * request ({@link ChatUser#locale()}) counts before the one recorded earlier, so an adapter may ask before the core
     * has recorded it; someone Rapport does not know reads that locale's language when shipped, else English. This is
     * how an adapter picks the language of its own words in an answer.
     */
    public Locale languageOf(ChatUser person) {
        List<ParticipantView> known = participants.findEverywhere(person);
        return known.isEmpty()
                ? Languages.match(person.locale()).orElse(Languages.ENGLISH)
                : languageOf(known.getFirst().id(), person.locale());
    }

    /**
     * {@link #languageOf(ChatUser)}, or when the database cannot say, the language of the locale the request reports
     * (else English): for telling someone that their request failed, which may be because the database did.
     */
    public Locale languageOrRequestLocale(ChatUser person) {
        try {
            return languageOf(person);
        } catch (DataAccessException e) {
            return Languages.match(person.locale()).orElse(Languages.ENGLISH);
        }
    }

    /** The language a participant reads now ({@link Languages#resolve}). */
    public Locale languageOf(long participantId) {
        return languageOf(participantId, null);
    }

    /** {@link #languageOf(long)} with the locale a request reports, when it reports one, over the recorded one. */
    private Locale languageOf(long participantId, String requestLocale) {
        return jdbc.query(
                LANGUAGE,
                rs -> rs.next()
                        ? Languages.resolve(
                                rs.getString("language"),
                                requestLocale != null ? requestLocale : rs.getString("platform_locale"),
                                rs.getString("programme_language"))
                        : Languages.ENGLISH,
                participantId);
    }

    /** What decides a participant's language; their programme's default is that of the first programme they joined. */
    private static final String LANGUAGE = """
            select p.language, p.platform_locale,
                   (select g.default_language from programme g
                    where g.id in (select programme_id from pair where mentor_id = p.id or mentee_id = p.id
                                   union select programme_id from coordinator where participant_id = p.id)
                    order by g.id limit 1) as programme_language
            from participant p where p.id = ?""";
}
