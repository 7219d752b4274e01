package dev.rapport.localslack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import com.google.gson.JsonObject;
import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.methods.response.conversations.ConversationsHistoryResponse;
import com.slack.api.model.Message;
import dev.rapport.localkit.Http;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code conversations.history} on a DM, read with the Slack SDK's own client, and its scope and rate limit. */
class ConversationsHistoryTest {

    private static final String TEAM = LocalSlack.Builder.DEFAULT_TEAM;
    private static final String TOKEN = LocalSlack.Builder.DEFAULT_TOKEN;

    private LocalSlack slack;
    private Slack sdk;
    private MethodsClient methods;

    @AfterEach
    void stop() throws Exception {
        if (sdk != null) {
            sdk.close();
        }
        if (slack != null) {
            slack.close();
        }
    }

    private void start(LocalSlack.Builder builder) {
        slack = builder.clock(new MutableClock(Instant.parse("2026-07-01T12:00:00Z")))
                .perChannel(2000, 60_000)
                .perWorkspace(2000, 60_000)
                .start();
        SlackConfig config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(slack.apiUrl());
        config.setStatsEnabled(false);
        sdk = Slack.getInstance(config);
        methods = sdk.methods(TOKEN);
    }

    @Test
    void the_dm_reads_newest_first_with_the_apps_messages_as_edited_and_what_the_person_wrote() throws Exception {
        start(LocalSlack.builder());
        ChatPostMessageResponse first = post("U0ANA", "How was your week?", null);
        slack.as(TEAM, "U0ANA").say("Busy but good");
        ChatPostMessageResponse second = post("U0ANA", "Shall we meet?", null);
        methods.chatUpdate(
                r -> r.channel(second.getChannel()).ts(second.getTs()).text("Shall we meet on Friday?"));
        post("U0BEN", "Someone else's DM", null);
        slack.as(TEAM, "U0ANA").say("Yes");

        ConversationsHistoryResponse history = methods.conversationsHistory(r -> r.channel(first.getChannel()));

        assertThat(history.isOk()).isTrue();
        assertThat(history.isHasMore()).isFalse();
        assertThat(history.getMessages())
                .extracting(Message::getType, Message::getUser, Message::getBotId, Message::getText)
                .containsExactly(
                        tuple("message", "U0ANA", null, "Yes"),
                        tuple("message", slack.botUserId(TEAM), "B0LOCAL", "Shall we meet on Friday?"),
                        tuple("message", "U0ANA", null, "Busy but good"),
                        tuple("message", slack.botUserId(TEAM), "B0LOCAL", "How was your week?"));
        assertThat(history.getMessages().getLast().getTs()).isEqualTo(first.getTs());
        assertThat(history.getMessages().getLast().getAppId()).isEqualTo(slack.appId());
    }

    @Test
    void metadata_is_returned_only_when_include_all_metadata_asks_for_it() throws Exception {
        start(LocalSlack.builder());
        ChatPostMessageResponse posted = post("U0ANA", "Check-in", "17");

        Message without = methods.conversationsHistory(r -> r.channel(posted.getChannel()))
                .getMessages()
                .getFirst();
        Message with = methods.conversationsHistory(
                        r -> r.channel(posted.getChannel()).includeAllMetadata(true))
                .getMessages()
                .getFirst();

        assertThat(without.getMetadata()).isNull();
        assertThat(with.getMetadata().getEventType()).isEqualTo("rapport_outbox");
        assertThat(with.getMetadata().getEventPayload()).containsEntry("outbox_id", "17");
        assertThat(with.getBlocks()).isNotEmpty();
    }

    @Test
    void pages_of_limit_messages_follow_next_cursor_until_has_more_is_false() throws Exception {
        start(LocalSlack.builder());
        List<String> posted = new ArrayList<>();
        for (int i = 1; i <= 7; i++) {
            posted.add(post("U0ANA", "m" + i, null).getTs());
        }
        String dm = slack.dmChannelOf(TEAM, "U0ANA");

        List<String> read = new ArrayList<>();
        List<Boolean> hasMore = new ArrayList<>();
        String cursor = null;
        do {
            String from = cursor;
            ConversationsHistoryResponse page =
                    methods.conversationsHistory(r -> r.channel(dm).limit(3).cursor(from));
            page.getMessages().forEach(m -> read.add(m.getTs()));
            hasMore.add(page.isHasMore());
            cursor = page.getResponseMetadata() == null
                    ? null
                    : page.getResponseMetadata().getNextCursor();
        } while (cursor != null && !cursor.isEmpty());

        assertThat(read).containsExactlyElementsOf(posted.reversed());
        assertThat(hasMore).containsExactly(true, true, false);
    }

    @Test
    void limit_defaults_to_100_and_is_capped_at_slacks_maximum_of_999() throws Exception {
        start(LocalSlack.builder());
        for (int i = 0; i < 1000; i++) {
            post("U0ANA", "m" + i, null);
        }
        String dm = slack.dmChannelOf(TEAM, "U0ANA");

        ConversationsHistoryResponse byDefault = methods.conversationsHistory(r -> r.channel(dm));
        ConversationsHistoryResponse asked =
                methods.conversationsHistory(r -> r.channel(dm).limit(5000));

        assertThat(byDefault.getMessages()).hasSize(100);
        assertThat(byDefault.isHasMore()).isTrue();
        assertThat(asked.getMessages()).hasSize(999);
        assertThat(asked.isHasMore()).isTrue();
        assertThat(asked.getMessages().getLast().getText()).isEqualTo("m1");
    }

    @Test
    void oldest_and_latest_bound_the_range_and_inclusive_takes_in_the_bounds_themselves() throws Exception {
        start(LocalSlack.builder());
        List<String> ts = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            ts.add(post("U0ANA", "m" + i, null).getTs());
        }
        String dm = slack.dmChannelOf(TEAM, "U0ANA");

        List<Message> exclusive = methods.conversationsHistory(
                        r -> r.channel(dm).oldest(ts.get(1)).latest(ts.get(3)))
                .getMessages();
        List<Message> inclusive = methods.conversationsHistory(
                        r -> r.channel(dm).oldest(ts.get(1)).latest(ts.get(3)).inclusive(true))
                .getMessages();
        List<Message> since = methods.conversationsHistory(r -> r.channel(dm).oldest(ts.get(2)))
                .getMessages();

        assertThat(exclusive).extracting(Message::getText).containsExactly("m3");
        assertThat(inclusive).extracting(Message::getText).containsExactly("m4", "m3", "m2");
        assertThat(since).extracting(Message::getText).containsExactly("m5", "m4");
    }

    @Test
    void unknown_channels_bad_cursors_and_bad_timestamps_are_answered_with_slacks_errors() throws Exception {
        start(LocalSlack.builder());
        String dm = post("U0ANA", "hello", null).getChannel();

        assertThat(methods.conversationsHistory(r -> r.channel("D0NOWHERE")).getError())
                .isEqualTo("channel_not_found");
        assertThat(methods.conversationsHistory(r -> r.channel("C0GENERAL")).getError())
                .isEqualTo("channel_not_found");
        assertThat(methods.conversationsHistory(r -> r.channel(dm).cursor("not-a-cursor"))
                        .getError())
                .isEqualTo("invalid_cursor");
        assertThat(methods.conversationsHistory(r -> r.channel(dm).latest("yesterday"))
                        .getError())
                .isEqualTo("invalid_ts_latest");
        assertThat(methods.conversationsHistory(r -> r.channel(dm).oldest("x")).getError())
                .isEqualTo("invalid_ts_oldest");
    }

    @Test
    void a_bot_token_without_im_history_is_refused_with_missing_scope_naming_what_was_needed_and_granted()
            throws Exception {
        String scope = "commands,chat:write,im:write,users:read";
        start(LocalSlack.builder().workspace(TEAM, TOKEN, scope));
        String dm = post("U0ANA", "hello", null).getChannel();

        ConversationsHistoryResponse refused = methods.conversationsHistory(r -> r.channel(dm));

        assertThat(refused.isOk()).isFalse();
        assertThat(refused.getError()).isEqualTo("missing_scope");
        assertThat(refused.getNeeded()).isEqualTo("im:history");
        assertThat(refused.getProvided()).isEqualTo(scope);
        assertThat(methods.authTest(r -> r).getHttpResponseHeaders().get("x-oauth-scopes"))
                .containsExactly(scope);
    }

    @Test
    void a_persons_own_token_reads_their_dm_with_the_app_but_not_someone_elses() throws Exception {
        start(LocalSlack.builder());
        String anasDm = post("U0ANA", "For Ana", null).getChannel();
        String bensDm = post("U0BEN", "For Ben", null).getChannel();
        URI redirect = slack.approveInstall(
                "https://slack.com/oauth/v2/authorize?client_id=" + LocalSlack.Builder.DEFAULT_CLIENT_ID
                        + "&scope=chat:write&user_scope=im:history&state=s-1",
                TEAM,
                "U0ANA",
                "https://rapport.local/slack/oauth_redirect");
        String code = Http.form(redirect.getRawQuery()).get("code");
        String anasToken = sdk.methods()
                .oauthV2Access(r -> r.clientId(LocalSlack.Builder.DEFAULT_CLIENT_ID)
                        .clientSecret(LocalSlack.Builder.DEFAULT_CLIENT_SECRET)
                        .code(code))
                .getAuthedUser()
                .getAccessToken();

        ConversationsHistoryResponse own = sdk.methods(anasToken).conversationsHistory(r -> r.channel(anasDm));
        ConversationsHistoryResponse other = sdk.methods(anasToken).conversationsHistory(r -> r.channel(bensDm));

        assertThat(own.getMessages()).extracting(Message::getText).containsExactly("For Ana");
        assertThat(other.getError()).isEqualTo("channel_not_found");
    }

    @Test
    void the_default_bot_token_has_im_history_as_rapports_manifest_asks_for_it() throws Exception {
        start(LocalSlack.builder());

        assertThat(LocalSlack.Builder.DEFAULT_SCOPE.split(",")).contains("im:history", "chat:write", "im:write");
        assertThat(methods.authTest(r -> r).getHttpResponseHeaders().get("x-oauth-scopes"))
                .containsExactly(LocalSlack.Builder.DEFAULT_SCOPE);
    }

    @Test
    void conversations_history_is_limited_at_tier_3_per_workspace_with_retry_after() {
        start(LocalSlack.builder());
        try (Api api = new Api(slack)) {
            String dm = api.call("conversations.open", TOKEN, Map.of("users", "U0ANA"))
                    .json()
                    .getAsJsonObject("channel")
                    .get("id")
                    .getAsString();
            List<Integer> statuses = new ArrayList<>();
            for (int i = 0; i < 51; i++) {
                statuses.add(api.call("conversations.history", TOKEN, Map.of("channel", dm))
                        .status());
            }
            Api.Reply limited = api.call("conversations.history", TOKEN, Map.of("channel", dm));

            assertThat(statuses.subList(0, 50)).containsOnly(200);
            assertThat(statuses.get(50)).isEqualTo(429);
            assertThat(limited.retryAfter()).isNotNull();
            assertThat(limited.error()).isEqualTo("ratelimited");
            assertThat(slack.rateLimitedCounts()).containsEntry("conversations.history", 2L);
            assertThat(slack.callCounts()).containsEntry("conversations.history", 52L);
        }
    }

    @Test
    void a_message_deleted_through_response_url_is_gone_from_the_history() throws Exception {
        start(LocalSlack.builder());
        String blocks = "[{\"type\":\"actions\",\"elements\":[{\"type\":\"button\",\"action_id\":\"done\","
                + "\"text\":{\"type\":\"plain_text\",\"text\":\"Done\"}}]}]";
        ChatPostMessageResponse posted = post("U0ANA", "Click me", null, blocks);
        String dm = posted.getChannel();
        PostedMessage message = slack.messages().getFirst();
        Delivery click = slack.as(TEAM, "U0ANA").click(message, "done");

        try (Api api = new Api(slack)) {
            JsonObject delete = new JsonObject();
            delete.addProperty("delete_original", true);
            api.postJson(click.responseUrl(), delete);
        }

        assertThat(methods.conversationsHistory(r -> r.channel(dm)).getMessages())
                .isEmpty();
    }

    private ChatPostMessageResponse post(String user, String text, String outboxId) throws Exception {
        return post(
                user,
                text,
                outboxId,
                "[{\"type\":\"section\",\"text\":{\"type\":\"mrkdwn\",\"text\":\"" + text + "\"}}]");
    }

    private ChatPostMessageResponse post(String user, String text, String outboxId, String blocks) throws Exception {
        ChatPostMessageResponse response = methods.chatPostMessage(r -> {
            r.channel(user).text(text).blocksAsString(blocks);
            if (outboxId != null) {
                r.metadata(new Message.Metadata("rapport_outbox", Map.of("outbox_id", outboxId)));
            }
            return r;
        });
        assertThat(response.isOk()).as(response.getError()).isTrue();
        return response;
    }
}
