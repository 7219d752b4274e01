package dev.rapport.core.checkin;

import dev.rapport.core.chat.ChatMessage;
import dev.rapport.core.chat.ChatUser;
import dev.rapport.core.chat.InteractionResult;
import dev.rapport.core.database.SqlTime;
import dev.rapport.core.i18n.Catalogue;
import dev.rapport.core.i18n.Languages;
import dev.rapport.core.operations.RapportMetrics;
import dev.rapport.core.pair.Role;
import dev.rapport.core.pulse.Question;
import dev.rapport.core.pulse.QuestionBank;
import dev.rapport.core.pulse.QuestionBanks;
import dev.rapport.core.secrets.SecretField;
import dev.rapport.core.secrets.Secrets;
import java.time.Clock;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Answering check-ins. Every click is checked against the check-in's recipient, recorded at most once
 * (the same click twice, or a replayed request, records one answer), and answered with the updated message.
 */
@Service
public class CheckInService {

    private static final String LOAD = """
            select c.id, c.role, c.participant_id, c.bank_version, c.question_ids, c.status, c.met, c.comment is not null as commented,
                   c.pair_id, c.period, me.display_name as recipient_name, me.platform, me.workspace_id, me.platform_user_id,
                   partner.display_name as partner_name, g.name as programme_name,
                   me.language, me.platform_locale, g.default_language,
            """ + CheckInSql.SUPERSEDED + "\n" + CheckInSql.WITH_PEOPLE + "\nwhere c.id = ?";

    private final JdbcTemplate jdbc;
    private final QuestionBanks banks;
    private final Clock clock;
    private final RapportMetrics metrics;
    private final Secrets secrets;

    CheckInService(JdbcTemplate jdbc, QuestionBanks banks, Clock clock, RapportMetrics metrics, Secrets secrets) {
        this.jdbc = jdbc;
        this.banks = banks;
        this.clock = clock;
        this.metrics = metrics;
        this.secrets = secrets;
    }

    /**
     * A check-in as stored, and its recipient.
     *
     * @param language the recipient's language ({@link Languages#resolve}), in which the check-in is shown
     * @param bank the bank version the check-in was asked from
     */
    private record Loaded(
            CheckInContent content,
            String status,
            boolean superseded,
            ChatUser recipient,
            Locale language,
            QuestionBank bank) {

        /** The check-in as its recipient sees it, in their language. */
        ChatMessage message() {
            return CheckInComposer.compose(content.withQuestions(bank.in(content.questions(), language)), language);
        }
    }

    /** Handles a tap on a check-in button. */
    @Transactional
    public InteractionResult click(ChatUser actor, String actionId) {
        Optional<ActionId> parsed = ActionId.parse(actionId);
        if (parsed.isEmpty()) {
            // Who tapped is not looked up for a button that names nothing: the platform's locale says the language.
            return InteractionResult.notice(Catalogue.standard()
                    .text(Languages.resolve(null, actor.locale(), null), "interaction.unknown-button"));
        }
        ActionId action = parsed.get();
        Optional<Loaded> loaded = load(action.checkInId());
        if (loaded.isEmpty() || !isRecipient(actor, loaded.get().recipient())) {
            // The same answer for "no such check-in" and "someone else's": nothing about others leaks.
            return InteractionResult.notice(say(heard(actor), "checkin.reply.not-yours"));
        }
        Loaded l = loaded.get();
        Locale in = l.language();
        if (l.superseded()
                || !(l.status().equals("SENT")
                        || l.status().equals("ANSWERED")
                        || l.status().equals("PENDING"))) {
            return new InteractionResult(null, say(in, "checkin.reply.closed"), null);
        }
        String notice = null;
        switch (action) {
            case ActionId.Rate r -> {
                Optional<Question> q = l.bank().find(r.questionId());
                List<String> asked =
                        l.content().questions().stream().map(Question::id).toList();
                if (q.isEmpty()
                        || !asked.contains(r.questionId())
                        || (!r.notApplicable() && (r.score() < 1 || r.score() > 5))) {
                    return InteractionResult.notice(say(in, "checkin.reply.unrecognised-answer"));
                }
                // "Not applicable" is a row of its own kind: no score, not_applicable set (V14).
                int stored = jdbc.update(
                        """
                        insert into answer (check_in_id, question_id, bank_version, dimension, score, not_applicable,
                                            answered_at)
                        select id, ?, bank_version, ?, ?, ?, ? from check_in where id = ?
                        on conflict (check_in_id, question_id) do nothing""",
                        r.questionId(),
                        q.get().dimension().name(),
                        r.notApplicable() ? null : r.score(),
                        r.notApplicable(),
                        SqlTime.of(clock.instant()),
                        r.checkInId());
                if (stored == 0) {
                    notice = say(in, "checkin.reply.already-answered");
                }
            }
            case ActionId.Met m -> {
                if (l.content().role() != Role.MENTEE) {
                    return InteractionResult.notice(say(in, "checkin.reply.unrecognised-answer"));
                }
                if (jdbc.update("update check_in set met = ? where id = ? and met is null", m.met(), m.checkInId())
                        == 0) {
                    notice = say(in, "checkin.reply.already-answered");
                }
            }
            case ActionId.OpenComment o -> {
                return new InteractionResult(null, null, CheckInComposer.commentForm(o.checkInId(), l.language()));
            }
            case ActionId.SubmitComment s -> {
                return InteractionResult.notice(say(in, "checkin.reply.use-the-form"));
            }
        }
        markAnswered(action.checkInId());
        return new InteractionResult(load(action.checkInId()).orElseThrow().message(), notice, null);
    }

    /** Handles the comment form: saves the first comment, private unless "share" is ticked. */
    @Transactional
    public InteractionResult submitComment(ChatUser actor, String formId, Map<String, String> values) {
        Optional<ActionId> parsed = ActionId.parse(formId);
        if (parsed.isEmpty() || !(parsed.get() instanceof ActionId.SubmitComment s)) {
            return InteractionResult.notice(say(heard(actor), "checkin.reply.unrecognised-form"));
        }
        Optional<Loaded> loaded = load(s.checkInId());
        if (loaded.isEmpty() || !isRecipient(actor, loaded.get().recipient())) {
            return InteractionResult.notice(say(heard(actor), "checkin.reply.not-yours"));
        }
        Locale in = loaded.get().language();
        String text = values.getOrDefault(CheckInComposer.COMMENT, "").strip();
        if (text.isEmpty()) {
            return InteractionResult.notice(say(in, "checkin.reply.empty-comment"));
        }
        if (text.length() > CheckInComposer.MAX_COMMENT) {
            return InteractionResult.notice(say(
                    in, "checkin.reply.comment-too-long", "length", text.length(), "max", CheckInComposer.MAX_COMMENT));
        }
        boolean share = isTicked(values.get("share"));
        // Sealed for this check-in's row (its id is the associated data): a copy in another row does not open.
        int stored = jdbc.update(
                "update check_in set comment = ?, comment_shared = ? where id = ? and comment is null",
                secrets.seal(SecretField.CHECK_IN_COMMENT, s.checkInId(), text),
                share,
                s.checkInId());
        if (stored == 0) {
            return InteractionResult.notice(say(in, "checkin.reply.comment-exists"));
        }
        markAnswered(s.checkInId());
        return new InteractionResult(
                load(s.checkInId()).orElseThrow().message(),
                say(in, share ? "checkin.reply.comment-shared" : "checkin.reply.comment-private"),
                null);
    }

    /** A comment its author chose to share with the coordinator. */
    public record SharedComment(java.time.LocalDate period, Role role, String text) {}

    /** The latest comments of a pair that their authors shared with the coordinator; unshared comments are never read. */
    public List<SharedComment> sharedComments(long pairId, int limit) {
        return jdbc.query(
                "select id, period, role, comment from check_in where pair_id = ? and comment_shared"
                        + " and comment is not null order by period desc, role limit ?",
                (rs, i) -> new SharedComment(
                        rs.getObject("period", java.time.LocalDate.class),
                        Role.valueOf(rs.getString("role")),
                        secrets.open(SecretField.CHECK_IN_COMMENT, rs.getLong("id"), rs.getString("comment"))),
                pairId,
                limit);
    }

    /** The current state of a check-in, for rendering. */
    public Optional<CheckInContent> content(long checkInId) {
        return load(checkInId).map(Loaded::content);
    }

    private void markAnswered(long checkInId) {
        jdbc.update(
                "update check_in set answered_at = coalesce(answered_at, ?) where id = ?",
                SqlTime.of(clock.instant()),
                checkInId);
        CheckInContent c = load(checkInId).orElseThrow().content();
        if (c.complete()
                && jdbc.update(
                                "update check_in set status = 'ANSWERED' where id = ? and status in ('SENT', 'PENDING')",
                                checkInId)
                        > 0) {
            metrics.checkInAnswered(c.role().name());
        }
    }

    private Optional<Loaded> load(long checkInId) {
        List<Loaded> rows = jdbc.query(
                LOAD,
                (rs, i) -> {
                    long id = rs.getLong("id");
                    QuestionBank bank = banks.version(rs.getString("bank_version"));
                    Map<String, Integer> scores = new HashMap<>();
                    jdbc.query(
                            "select question_id, score, not_applicable from answer where check_in_id = ?",
                            a -> {
                                scores.put(
                                        a.getString("question_id"),
                                        a.getBoolean("not_applicable") ? ActionId.NOT_APPLICABLE : a.getInt("score"));
                            },
                            id);
                    Boolean met = (Boolean) rs.getObject("met");
                    List<Question> questions = asked(bank, rs.getString("question_ids"), met, scores.keySet());
                    CheckInContent content = new CheckInContent(
                            id,
                            Role.valueOf(rs.getString("role")),
                            rs.getString("recipient_name"),
                            rs.getString("partner_name"),
                            rs.getString("programme_name"),
                            questions,
                            false,
                            scores,
                            met,
                            rs.getBoolean("commented"));
                    ChatUser recipient = ChatUser.of(
                            dev.rapport.core.chat.Platform.valueOf(rs.getString("platform")),
                            rs.getString("workspace_id"),
                            rs.getString("platform_user_id"),
                            rs.getString("recipient_name"));
                    Locale language = Languages.resolve(
                            rs.getString("language"),
                            rs.getString("platform_locale"),
                            rs.getString("default_language"));
                    return new Loaded(
                            content, rs.getString("status"), rs.getBoolean("superseded"), recipient, language, bank);
                },
                checkInId);
        return rows.stream().findFirst();
    }

    /**
     * The statements a check-in asks now: those stored when it was sent, from its own bank version; once the mentee
     * said they did not meet, those that need a meeting give way ({@link QuestionBank#withoutMeeting}).
     */
    static List<Question> asked(QuestionBank bank, String questionIds, Boolean met, Set<String> answered) {
        List<Question> stored = Arrays.stream(questionIds.split(","))
                .filter(q -> !q.isBlank())
                .map(q -> bank.find(q).orElse(null))
                .filter(q -> q != null)
                .toList();
        return Boolean.FALSE.equals(met) ? bank.withoutMeeting(stored, answered) : stored;
    }

    private static String say(Locale in, String key, Object... args) {
        return Catalogue.standard().text(in, key, args);
    }

    /**
     * The language of someone whose check-in this may not be: what their platform says of them in this request, since
     * nothing stored about anyone else may decide it.
     */
    private static Locale heard(ChatUser actor) {
        return Languages.resolve(null, actor.locale(), null);
    }

    private static boolean isRecipient(ChatUser actor, ChatUser recipient) {
        return actor.isSamePersonAs(recipient);
    }

    private static boolean isTicked(String value) {
        return value != null
                && (value.equalsIgnoreCase("true")
                        || value.equalsIgnoreCase("yes")
                        || value.equalsIgnoreCase("on")
                        || value.equalsIgnoreCase("share"));
    }
}
