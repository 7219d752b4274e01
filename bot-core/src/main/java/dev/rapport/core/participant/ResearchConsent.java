package dev.rapport.core.participant;

import dev.rapport.core.chat.ChatUser;
import dev.rapport.core.database.SqlTime;
import dev.rapport.core.i18n.Text;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Whether a person lets their anonymised answers be used to study mentoring: no until they say yes (in the welcome's
 * buttons or with {@code /rapport consent yes}), and changeable at any time. A research export reads it as it stands
 * when the export runs, so a person who withdraws is left out of every later export. Each change is timestamped
 * ({@code participant.research_consent_at}).
 */
@Service
public class ResearchConsent {

    /**
     * A person's consent.
     *
     * @param given whether they agreed
     * @param changedAt when they last said yes or no; null when they never answered (which counts as no)
     */
    public record Consent(boolean given, Instant changedAt) {

        public static final Consent NEVER_ASKED = new Consent(false, null);
    }

    private final ParticipantService participants;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    ResearchConsent(ParticipantService participants, JdbcTemplate jdbc, Clock clock) {
        this.participants = participants;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Records a person's answer: on every participant they are (on Discord, one per server), since a person consents
     * once, as they read one language.
     *
     * @return the consent as it stands now, or empty when Rapport does not know the person
     */
    @Transactional
    public Optional<Consent> set(ChatUser person, boolean given) {
        List<ParticipantView> known = participants.findEverywhere(person);
        if (known.isEmpty()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        for (ParticipantView p : known) {
            jdbc.update(
                    "update participant set research_consent = ?, research_consent_at = ? where id = ?",
                    given,
                    SqlTime.of(now),
                    p.id());
        }
        return Optional.of(new Consent(given, now));
    }

    /** The catalogue key of the reply confirming an answer. */
    public static String savedKey(boolean given) {
        return given ? "research.consent.saved.yes" : "research.consent.saved.no";
    }

    /** How a consent reads in {@code /rapport me} and {@code /rapport consent}: the answer, and since when. */
    public static Text status(Consent consent, ZoneId zone) {
        if (consent.changedAt() == null) {
            return Text.of("research.consent.status.never");
        }
        LocalDate since = consent.changedAt().atZone(zone).toLocalDate();
        return Text.of(consent.given() ? "research.consent.status.yes" : "research.consent.status.no", "since", since);
    }

    /** A participant's consent as it stands. */
    public Consent of(long participantId) {
        return jdbc.query(
                "select research_consent, research_consent_at from participant where id = ?",
                rs -> rs.next()
                        ? new Consent(
                                rs.getBoolean(1),
                                Optional.ofNullable(rs.getObject(2, OffsetDateTime.class))
                                        .map(OffsetDateTime::toInstant)
                                        .orElse(null))
                        : Consent.NEVER_ASKED,
                participantId);
    }
}
