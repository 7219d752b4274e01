package dev.rapport.slack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.core.chat.ChatMessage;
import dev.rapport.core.chat.ChatMessage.Block;
import dev.rapport.core.chat.ChatMessage.Choice;
import dev.rapport.core.chat.Platform;
import dev.rapport.core.chat.Recipient;
import dev.rapport.core.chat.SendKey;
import dev.rapport.core.chat.SendResult;
import dev.rapport.core.checkin.CheckInComposer;
import dev.rapport.core.checkin.CheckInContent;
import dev.rapport.core.pair.Role;
import dev.rapport.core.pulse.Dimension;
import dev.rapport.core.pulse.Question;
import dev.rapport.localkit.Outage;
import dev.rapport.localslack.LocalSlack;
import dev.rapport.localslack.PostedMessage;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The Slack chat port, driven through the real Slack SDK client against the local Slack. */
class SlackChatPortIT {

    private static final String TEAM = LocalSlack.Builder.DEFAULT_TEAM;
    private static final Recipient ANA = new Recipient(Platform.SLACK, TEAM, "U0ANA", "Ana");
    private static final Recipient BEN = new Recipient(Platform.SLACK, TEAM, "U0BEN", "Ben");
    private static final List<Question> QUESTIONS = List.of(
            new Question("respect-1", Dimension.RESPECT, Role.MENTEE, 1, "My mentor takes my time seriously."),
            new Question("effort-1", Dimension.EFFORT, Role.MENTEE, 1, "We both prepare for our meetings."));

    private final List<AutoCloseable> toClose = new ArrayList<>();
    private long outboxIds;

    /** A fresh send key, as the dispatcher gives each outbox row. */
    private SendKey key() {
        return SendKey.first(++outboxIds);
    }

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : toClose.reversed()) {
            c.close();
        }
    }

    @Test
    void a_check_in_arrives_at_slack_as_block_kit_whose_action_ids_are_the_cores() {
        LocalSlack slack = started(LocalSlack.builder());
        SlackChatPort port = port(slack, LocalSlack.Builder.DEFAULT_TOKEN);
        ChatMessage checkIn = CheckInComposer.compose(new CheckInContent(
                4711, Role.MENTEE, "Ana", "Ben", "Mentoring 2026", QUESTIONS, false, Map.of(), null, false));

        SendResult result = port.send(ANA, checkIn, key());

        assertThat(slack.messages()).hasSize(1);
        PostedMessage posted = slack.messages().getFirst();
        assertThat(result).isEqualTo(new SendResult.Sent(posted.ts()));
        assertThat(posted.channel()).isEqualTo(slack.dmChannelOf(TEAM, "U0ANA")).startsWith("D");
        assertThat(posted.userId()).isEqualTo("U0ANA");
        assertThat(posted.text()).isEqualTo(new BlockKitRenderer().fallbackText(checkIn));
        assertThat(posted.blockTypes()).contains("section", "actions");
        assertThat(posted.actionIds()).isNotEmpty().containsExactlyElementsOf(actionIds(checkIn));
    }

    @Test
    void every_message_carries_its_outbox_id_in_slacks_message_metadata() {
        LocalSlack slack = started(LocalSlack.builder());
        SlackChatPort port = port(slack, LocalSlack.Builder.DEFAULT_TOKEN);

        assertThat(port.send(ANA, ChatMessage.text("hello"), SendKey.first(4711)))
                .isInstanceOf(SendResult.Sent.class);

        PostedMessage posted = slack.messages().getFirst();
        assertThat(posted.metadataEventType()).contains("rapport_outbox");
        assertThat(posted.metadata()
                        .orElseThrow()
                        .getAsJsonObject("event_payload")
                        .get("outbox_id")
                        .getAsString())
                .isEqualTo("4711");
    }

    @Test
    void a_message_in_doubt_that_had_arrived_is_found_in_the_dm_by_its_metadata_and_not_posted_again() {
        LocalSlack slack = started(LocalSlack.builder());
        SlackChatPort port = port(slack, LocalSlack.Builder.DEFAULT_TOKEN);
        Instant began = Instant.now();
        SendResult first = port.send(ANA, ChatMessage.text("check-in"), SendKey.first(42));
        port.send(ANA, ChatMessage.text("something else"), SendKey.first(43));

        // As after a crash between Slack's answer and its record: the same row again, its first send in doubt.
        SendResult again = port.send(ANA, ChatMessage.text("check-in"), new SendKey(42, began));

        assertThat(again).isEqualTo(new SendResult.Sent(((SendResult.Sent) first).messageId(), true));
        assertThat(slack.messages()).extracting(PostedMessage::text).containsExactly("check-in", "something else");
        assertThat(slack.callsTo("conversations.history")).isEqualTo(1);
    }

    @Test
    void a_message_in_doubt_that_had_not_arrived_is_posted_once() {
        LocalSlack slack = started(LocalSlack.builder());
        SlackChatPort port = port(slack, LocalSlack.Builder.DEFAULT_TOKEN);
        port.send(ANA, ChatMessage.text("welcome"), SendKey.first(1));

        SendResult result = port.send(ANA, ChatMessage.text("check-in"), new SendKey(2, Instant.now()));

        assertThat(result)
                .isInstanceOfSatisfying(
                        SendResult.Sent.class, s -> assertThat(s.alreadyThere()).isFalse());
        assertThat(slack.messages()).extracting(PostedMessage::text).containsExactly("welcome", "check-in");
    }

    @Test
    void without_im_history_a_message_in_doubt_is_posted_again_and_the_missing_scope_is_asked_about_once() {
        String token = "local-slack-token-without-history";
        LocalSlack slack =
                started(LocalSlack.builder().workspace(TEAM, token, "commands,chat:write,im:write,users:read"));
        SlackChatPort port = port(slack, token);
        Instant began = Instant.now();
        port.send(ANA, ChatMessage.text("check-in"), SendKey.first(7));

        SendResult again = port.send(ANA, ChatMessage.text("check-in"), new SendKey(7, began));
        port.send(BEN, ChatMessage.text("to Ben"), new SendKey(8, began));

        assertThat(again)
                .isInstanceOfSatisfying(
                        SendResult.Sent.class, s -> assertThat(s.alreadyThere()).isFalse());
        assertThat(slack.messages())
                .as("at most one duplicate for the send in doubt")
                .extracting(PostedMessage::text)
                .containsExactly("check-in", "check-in", "to Ben");
        assertThat(slack.callsTo("conversations.history"))
                .as("the refusal is remembered for the workspace")
                .isEqualTo(1);
    }

    @Test
    void with_the_history_check_turned_off_no_history_is_read() {
        LocalSlack slack = started(LocalSlack.builder());
        SlackChatPort port = new SlackChatPort(new SlackProperties(
                null,
                LocalSlack.Builder.DEFAULT_TOKEN,
                null,
                null,
                null,
                null,
                null,
                URI.create(slack.apiUrl()),
                null,
                null,
                null,
                null,
                null,
                false,
                null));
        toClose.add(port);

        port.send(ANA, ChatMessage.text("check-in"), new SendKey(9, Instant.now()));

        assertThat(slack.callsTo("conversations.history")).isZero();
        assertThat(slack.messages()).hasSize(1);
    }

    @Test
    void the_dm_channel_is_opened_once_and_reused_for_the_next_message_to_the_same_person() {
        LocalSlack slack = started(LocalSlack.builder());
        SlackChatPort port = port(slack, LocalSlack.Builder.DEFAULT_TOKEN);

        assertThat(port.send(ANA, ChatMessage.text("first"), key())).isInstanceOf(SendResult.Sent.class);
        assertThat(port.send(ANA, ChatMessage.text("second"), key())).isInstanceOf(SendResult.Sent.class);
        assertThat(port.send(BEN, ChatMessage.text("to Ben"), key())).isInstanceOf(SendResult.Sent.class);

        assertThat(slack.callsTo("conversations.open")).isEqualTo(2);
        assertThat(slack.messages())
                .extracting(PostedMessage::userId, PostedMessage::text)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("U0ANA", "first"),
                        org.assertj.core.groups.Tuple.tuple("U0ANA", "second"),
                        org.assertj.core.groups.Tuple.tuple("U0BEN", "to Ben"));
        assertThat(slack.messages().get(0).channel())
                .isEqualTo(slack.messages().get(1).channel())
                .isNotEqualTo(slack.messages().get(2).channel());
    }

    @Test
    void a_429_becomes_rate_limited_for_the_retry_after_seconds_and_the_retried_message_is_recorded_once() {
        // One message, then one every 3 s workspace-wide; the clock only moves when the test moves it.
        SettableClock clock = new SettableClock(Instant.parse("2026-11-24T17:00:00Z"));
        LocalSlack slack = started(LocalSlack.builder().clock(clock).perWorkspace(1, 20));
        SlackChatPort port = port(slack, LocalSlack.Builder.DEFAULT_TOKEN);

        assertThat(port.send(ANA, ChatMessage.text("to Ana"), key())).isInstanceOf(SendResult.Sent.class);
        SendResult limited = port.send(BEN, ChatMessage.text("to Ben"), key());

        assertThat(limited).isEqualTo(new SendResult.RateLimited(Duration.ofSeconds(3)));
        assertThat(slack.calls()).anySatisfy(call -> {
            assertThat(call.method()).isEqualTo("chat.postMessage");
            assertThat(call.status()).isEqualTo(429);
        });
        assertThat(slack.messages()).extracting(PostedMessage::text).containsExactly("to Ana");

        clock.advance(Duration.ofSeconds(3));
        assertThat(port.send(BEN, ChatMessage.text("to Ben"), key())).isInstanceOf(SendResult.Sent.class);

        assertThat(slack.messages()).extracting(PostedMessage::text).containsExactly("to Ana", "to Ben");
    }

    @Test
    void a_429_on_opening_the_dm_becomes_rate_limited_and_the_message_is_sent_once_after_the_wait() {
        // One DM channel at once, then one every 6 s (10/min); the clock only moves when the test moves it.
        SettableClock clock = new SettableClock(Instant.parse("2026-11-24T17:00:00Z"));
        LocalSlack slack = started(LocalSlack.builder().clock(clock).conversationsOpenPerWorkspace(1, 10));
        SlackChatPort port = port(slack, LocalSlack.Builder.DEFAULT_TOKEN);
        assertThat(port.send(ANA, ChatMessage.text("to Ana"), key())).isInstanceOf(SendResult.Sent.class);

        SendResult limited = port.send(BEN, ChatMessage.text("to Ben"), key());
        clock.advance(Duration.ofSeconds(6));
        SendResult retried = port.send(BEN, ChatMessage.text("to Ben"), key());

        assertThat(limited).isEqualTo(new SendResult.RateLimited(Duration.ofSeconds(6)));
        assertThat(retried).isInstanceOf(SendResult.Sent.class);
        assertThat(slack.messages()).extracting(PostedMessage::text).containsExactly("to Ana", "to Ben");
    }

    @Test
    void a_person_who_cannot_receive_dms_is_unreachable_and_nothing_is_posted() {
        LocalSlack slack = started(LocalSlack.builder());
        SlackChatPort port = port(slack, LocalSlack.Builder.DEFAULT_TOKEN);
        slack.closeDirectMessages("U0ANA", "cannot_dm_user");

        SendResult result = port.send(ANA, ChatMessage.text("hello"), key());

        assertThat(result)
                .isInstanceOfSatisfying(
                        SendResult.Unreachable.class,
                        f -> assertThat(f.reason()).contains("cannot_dm_user"));
        assertThat(slack.messages()).isEmpty();
    }

    @Test
    void a_person_who_left_after_the_dm_was_opened_is_unreachable_and_the_channel_is_forgotten() {
        LocalSlack slack = started(LocalSlack.builder());
        SlackChatPort port = port(slack, LocalSlack.Builder.DEFAULT_TOKEN);
        assertThat(port.send(ANA, ChatMessage.text("welcome"), key())).isInstanceOf(SendResult.Sent.class);
        slack.closeDirectMessages("U0ANA", "user_not_found");

        SendResult result = port.send(ANA, ChatMessage.text("check-in"), key());
        port.send(ANA, ChatMessage.text("check-in"), key());

        assertThat(result)
                .isInstanceOfSatisfying(
                        SendResult.Unreachable.class,
                        f -> assertThat(f.reason()).contains("chat.postMessage", "user_not_found"));
        assertThat(slack.callsTo("conversations.open")).isEqualTo(2);
        assertThat(slack.messages()).extracting(PostedMessage::text).containsExactly("welcome");
    }

    @Test
    void a_slack_outage_makes_the_workspace_unavailable_and_the_next_attempt_after_it_is_delivered_once() {
        LocalSlack slack = started(LocalSlack.builder());
        SlackChatPort port = port(slack, LocalSlack.Builder.DEFAULT_TOKEN);
        slack.failNextCalls(2, 503);

        SendResult first = port.send(ANA, ChatMessage.text("hello"), key());
        SendResult second = port.send(ANA, ChatMessage.text("hello"), key());
        SendResult third = port.send(ANA, ChatMessage.text("hello"), key());

        assertThat(first).isInstanceOfSatisfying(SendResult.Unavailable.class, u -> {
            assertThat(u.reason()).contains("conversations.open", "HTTP 503");
            assertThat(u.mayHaveArrived()).as("no message was posted yet").isFalse();
        });
        assertThat(second).isInstanceOf(SendResult.Unavailable.class);
        assertThat(third).isInstanceOf(SendResult.Sent.class);
        assertThat(slack.messages()).hasSize(1);
    }

    @Test
    void a_wrong_token_makes_the_workspace_unavailable_for_an_operator_without_the_token_in_the_reason() {
        LocalSlack slack = started(LocalSlack.builder());
        String wrongToken = "local-not-the-right-token-0123456789";
        SlackChatPort port = port(slack, wrongToken);

        SendResult result = port.send(ANA, ChatMessage.text("hello"), key());

        assertThat(result)
                .isInstanceOfSatisfying(
                        SendResult.Unavailable.class,
                        f -> assertThat(f.reason())
                                .contains("invalid_auth", "RAPPORT_SLACK_BOT_TOKEN")
                                .doesNotContain(wrongToken)
                                .doesNotContain("0123456789"));
        assertThat(slack.messages()).isEmpty();
    }

    @Test
    void an_unreachable_slack_is_unavailable_and_nothing_can_have_been_posted() {
        LocalSlack slack = started(LocalSlack.builder());
        String url = slack.apiUrl();
        slack.close();
        SlackChatPort port = port(url, LocalSlack.Builder.DEFAULT_TOKEN);

        assertThat(port.send(ANA, ChatMessage.text("hello"), key()))
                .isInstanceOfSatisfying(
                        SendResult.Unavailable.class,
                        u -> assertThat(u.mayHaveArrived()).isFalse());
        assertThat(port.probe(TEAM).available()).isFalse();
    }

    @Test
    void a_slack_slower_than_the_call_timeout_is_unavailable_and_nothing_is_posted() {
        LocalSlack slack = started(LocalSlack.builder());
        slack.delayResponses(Duration.ofSeconds(5));
        SlackChatPort port = port(slack.apiUrl(), LocalSlack.Builder.DEFAULT_TOKEN, Duration.ofMillis(200));

        SendResult result = port.send(ANA, ChatMessage.text("hello"), key());

        assertThat(result)
                .isInstanceOfSatisfying(
                        SendResult.Unavailable.class,
                        f -> assertThat(f.reason()).contains("conversations.open", "timeout"));
        assertThat(slack.messages()).isEmpty();
    }

    @Test
    void the_port_is_slacks_and_a_probe_finds_slack_back_after_an_outage() {
        LocalSlack slack = started(LocalSlack.builder());
        SlackChatPort port = port(slack, LocalSlack.Builder.DEFAULT_TOKEN);
        assertThat(port.platform()).isEqualTo(Platform.SLACK);

        slack.startOutage(Outage.UNAVAILABLE);
        assertThat(port.probe(TEAM).available()).isFalse();
        slack.endOutage();
        assertThat(port.probe(TEAM).available()).isTrue();
        assertThat(slack.messages()).as("a probe messages nobody").isEmpty();
    }

    private LocalSlack started(LocalSlack.Builder builder) {
        LocalSlack slack = builder.start();
        toClose.add(slack);
        return slack;
    }

    private SlackChatPort port(LocalSlack slack, String token) {
        return port(slack.apiUrl(), token);
    }

    private SlackChatPort port(String apiUrl, String token) {
        return port(apiUrl, token, null);
    }

    private SlackChatPort port(String apiUrl, String token, Duration callTimeout) {
        SlackChatPort port = new SlackChatPort(SlackProperties.singleWorkspace(token, URI.create(apiUrl), callTimeout));
        toClose.add(port);
        return port;
    }

    private static List<String> actionIds(ChatMessage message) {
        List<String> ids = new ArrayList<>();
        for (Block block : message.blocks()) {
            switch (block) {
                case Block.Question q ->
                    q.choices().stream().map(Choice::actionId).forEach(ids::add);
                case Block.FormButton b -> ids.add(b.actionId());
                default -> {}
            }
        }
        return ids;
    }

    /** A clock that moves only when told to. */
    private static final class SettableClock extends Clock {
        private volatile Instant now;

        SettableClock(Instant start) {
            this.now = start;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
