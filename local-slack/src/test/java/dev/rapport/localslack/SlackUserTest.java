package dev.rapport.localslack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Acting as a person: the payloads {@link SlackUser} builds from what the person sees, and how replies, response
 * actions and edits change what they see. Where an app must answer, a small JDK websocket client plays it.
 */
class SlackUserTest {

    private static final String TEAM = LocalSlack.Builder.DEFAULT_TEAM;
    private static final String TOKEN = LocalSlack.Builder.DEFAULT_TOKEN;

    private final HttpClient http = HttpClient.newHttpClient();
    private LocalSlack slack;
    private Api api;
    private SlackUser ana;

    @BeforeEach
    void start() {
        slack = LocalSlack.builder()
                .user(TEAM, "U0ANA", "ana", "Ana Lima", "Europe/Paris", false)
                .start();
        api = new Api(slack);
        ana = slack.as(TEAM, "U0ANA");
    }

    @AfterEach
    void stop() {
        http.close();
        api.close();
        slack.close();
    }

    @Test
    void replies_to_a_click_replace_or_delete_the_clicked_message_where_the_person_sees_it() {
        PostedMessage first = post("Did you meet?", buttons("meet:yes", "meet:no"));
        PostedMessage second = post("Rate respect", buttons("respect:5"));

        Delivery yes = ana.click(first, "meet:yes");
        api.postJson(yes.responseUrl(), json("{\"replace_original\":true,\"text\":\"You met: yes\"}"));
        Delivery five = ana.click(second, "respect:5");
        api.postJson(five.responseUrl(), json("{\"delete_original\":true}"));

        assertThat(ana.screen())
                .extracting(Seen::kind, Seen::text, Seen::edited)
                .containsExactly(Tuple.tuple(Seen.Kind.MESSAGE, "You met: yes", true));
        assertThat(slack.currentMessage(first.channel(), first.ts())
                        .orElseThrow()
                        .text())
                .isEqualTo("You met: yes");
        assertThat(yes.responses())
                .singleElement()
                .satisfies(r -> assertThat(r.replaceOriginal()).isTrue());
        assertThatThrownBy(() -> ana.click(first, "meet:no"))
                .as("the replaced message has no buttons any more")
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> slack.as(TEAM, "U0BEN").click(second, "respect:5"))
                .as("a DM only its person sees")
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_button_on_an_ephemeral_reply_is_clicked_as_ephemeral_and_can_be_replaced() {
        Delivery command = ana.command("/rapport", "pair #7");
        JsonObject reply = new JsonObject();
        reply.addProperty("text", "Pair #7");
        reply.add("blocks", JsonParser.parseString(buttons("snooze:7")));
        api.postJson(command.responseUrl(), reply);
        Seen shown = ana.screen().getFirst();

        Delivery click = ana.click(shown, "snooze:7");
        api.postJson(click.responseUrl(), json("{\"replace_original\":true,\"text\":\"Snoozed for 14 days\"}"));

        JsonObject container = click.payload().getAsJsonObject("container");
        assertThat(shown.kind()).isEqualTo(Seen.Kind.EPHEMERAL);
        assertThat(container.get("is_ephemeral").getAsBoolean()).isTrue();
        assertThat(container.get("message_ts").getAsString()).isEqualTo(shown.id());
        assertThat(click.payload().has("message")).isFalse();
        assertThat(ana.screen()).extracting(Seen::text).containsExactly("Snoozed for 14 days");
    }

    @Test
    void a_submission_fills_each_inputs_state_and_refuses_what_slacks_client_would_not_send() {
        OpenedView form = open(form());
        UploadedFile csv = ana.upload("pairs.csv", "mentor_id\nU0ANA\n".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> ana.submit(form, Map.of("share", true)))
                .as("the required comment left empty")
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ana.submit(form, Map.of("comment", "Hi", "commnet", "typo")))
                .isInstanceOf(IllegalArgumentException.class);
        Delivery submitted = ana.submit(form, Map.of("comment", "We met", "share", true, "role", "mentee", "csv", csv));

        JsonObject payload = submitted.payload();
        JsonObject values =
                payload.getAsJsonObject("view").getAsJsonObject("state").getAsJsonObject("values");
        assertThat(payload.get("type").getAsString()).isEqualTo("view_submission");
        assertThat(payload.getAsJsonObject("user").get("username").getAsString())
                .isEqualTo("ana");
        assertThat(payload.getAsJsonObject("view").get("id").getAsString()).isEqualTo(form.id());
        assertThat(values.getAsJsonObject("comment")
                        .getAsJsonObject("comment")
                        .get("value")
                        .getAsString())
                .isEqualTo("We met");
        assertThat(values.getAsJsonObject("share").getAsJsonObject("share").getAsJsonArray("selected_options"))
                .singleElement()
                .satisfies(o -> assertThat(o.getAsJsonObject().get("value").getAsString())
                        .isEqualTo("true"));
        assertThat(values.getAsJsonObject("role")
                        .getAsJsonObject("role")
                        .getAsJsonObject("selected_option")
                        .get("value")
                        .getAsString())
                .isEqualTo("mentee");
        JsonArray files = values.getAsJsonObject("csv").getAsJsonObject("csv").getAsJsonArray("files");
        assertThat(files.get(0).getAsJsonObject().get("url_private").getAsString())
                .isEqualTo(csv.urlPrivate());
        assertThat(api.get(csv.urlPrivate(), TOKEN).body()).isEqualTo(csv.bytes());
    }

    @Test
    void response_actions_in_a_submissions_ack_update_push_or_clear_the_persons_modals() throws Exception {
        try (SocketClient app = SocketClient.answering(http, socketUrl(), envelope -> {
            JsonObject view = envelope.getAsJsonObject("payload").getAsJsonObject("view");
            if (view == null) {
                return null;
            }
            String comment = view.getAsJsonObject("state")
                    .getAsJsonObject("values")
                    .getAsJsonObject("comment")
                    .getAsJsonObject("comment")
                    .get("value")
                    .getAsString();
            return switch (comment) {
                case "update" -> json("{\"response_action\":\"update\",\"view\":" + form("Updated") + "}");
                case "push" -> json("{\"response_action\":\"push\",\"view\":" + form("Pushed") + "}");
                case "clear" -> json("{\"response_action\":\"clear\"}");
                default -> json("{\"response_action\":\"errors\",\"errors\":{\"comment\":\"Say more\"}}");
            };
        })) {
            await().atMost(Duration.ofSeconds(5)).until(() -> slack.socketModeConnections() == 1);
            OpenedView form = open(form());

            ana.submit(form, Map.of("comment", "?")).awaitAck();
            OpenedView withErrors = slack.view(form.id()).orElseThrow();
            ana.submit(form, Map.of("comment", "update")).awaitAck();
            OpenedView updated = slack.view(form.id()).orElseThrow();
            ana.submit(updated, Map.of("comment", "push")).awaitAck();
            List<OpenedView> stacked = slack.openedViews();
            ana.submit(stacked.getLast(), Map.of("comment", "clear")).awaitAck();

            assertThat(withErrors.errors()).containsEntry("comment", "Say more");
            assertThat(updated.title()).isEqualTo("Updated");
            assertThat(updated.version()).isEqualTo(2);
            assertThat(updated.errors()).isEmpty();
            assertThat(stacked).extracting(OpenedView::title).containsExactly("Updated", "Pushed");
            assertThat(stacked.getLast().view().get("root_view_id").getAsString())
                    .isEqualTo(form.id());
            assertThat(slack.openedViews()).noneMatch(OpenedView::open);
            assertThat(ana.screen())
                    .extracting(Seen::kind, Seen::text, Seen::open)
                    .containsExactly(
                            Tuple.tuple(Seen.Kind.MODAL, "Updated", false),
                            Tuple.tuple(Seen.Kind.MODAL, "Pushed", false));
        }
    }

    @Test
    void a_message_the_person_writes_reaches_the_app_as_a_message_im_event() {
        Delivery said = ana.say("Can we move our meeting?");

        JsonObject event = said.payload().getAsJsonObject("event");
        assertThat(said.kind()).isEqualTo(Delivery.Kind.EVENT);
        assertThat(said.userId()).isEqualTo("U0ANA");
        assertThat(event.get("type").getAsString()).isEqualTo("message");
        assertThat(event.get("channel_type").getAsString()).isEqualTo("im");
        assertThat(event.get("channel").getAsString()).isEqualTo(ana.dmChannel());
        assertThat(said.payload()
                        .getAsJsonArray("authorizations")
                        .get(0)
                        .getAsJsonObject()
                        .get("user_id")
                        .getAsString())
                .isEqualTo(slack.botUserId(TEAM));
        assertThat(ana.screen())
                .extracting(Seen::from, Seen::text)
                .containsExactly(Tuple.tuple("U0ANA", "Can we move our meeting?"));
    }

    // ---- helpers

    private String socketUrl() {
        return api.call("apps.connections.open", LocalSlack.Builder.DEFAULT_APP_TOKEN, Map.of())
                .json()
                .get("url")
                .getAsString();
    }

    private PostedMessage post(String text, String blocks) {
        api.call("chat.postMessage", TOKEN, Map.of("channel", "U0ANA", "text", text, "blocks", blocks));
        return slack.messages().getLast();
    }

    private OpenedView open(String view) {
        String trigger = ana.command("/rapport", "comment").triggerId();
        JsonObject opened = api.call("views.open", TOKEN, Map.of("trigger_id", trigger, "view", view))
                .json();
        assertThat(opened.get("ok").getAsBoolean()).as(opened.toString()).isTrue();
        return slack.view(opened.getAsJsonObject("view").get("id").getAsString())
                .orElseThrow();
    }

    private static String buttons(String... actionIds) {
        JsonArray elements = new JsonArray();
        for (String id : actionIds) {
            elements.add(json("{\"type\":\"button\",\"action_id\":\"" + id + "\",\"value\":\"" + id
                    + "\",\"text\":{\"type\":\"plain_text\",\"text\":\"" + id + "\"}}"));
        }
        JsonObject actions = new JsonObject();
        actions.addProperty("type", "actions");
        actions.addProperty("block_id", "r0-actions");
        actions.add("elements", elements);
        JsonArray blocks = new JsonArray();
        blocks.add(actions);
        return blocks.toString();
    }

    private static String form() {
        return form("Your comment");
    }

    private static String form(String title) {
        return "{\"type\":\"modal\",\"callback_id\":\"comment-form\",\"title\":{\"type\":\"plain_text\",\"text\":\""
                + title + "\"},\"submit\":{\"type\":\"plain_text\",\"text\":\"Send\"},\"blocks\":["
                + "{\"type\":\"input\",\"block_id\":\"comment\",\"label\":{\"type\":\"plain_text\",\"text\":\"Comment\"},"
                + "\"element\":{\"type\":\"plain_text_input\",\"action_id\":\"comment\"}},"
                + "{\"type\":\"input\",\"block_id\":\"share\",\"optional\":true,\"label\":{\"type\":\"plain_text\","
                + "\"text\":\"Share\"},\"element\":{\"type\":\"checkboxes\",\"action_id\":\"share\",\"options\":["
                + "{\"text\":{\"type\":\"plain_text\",\"text\":\"Yes\"},\"value\":\"true\"}]}},"
                + "{\"type\":\"input\",\"block_id\":\"role\",\"optional\":true,\"label\":{\"type\":\"plain_text\","
                + "\"text\":\"Role\"},\"element\":{\"type\":\"static_select\",\"action_id\":\"role\",\"options\":["
                + "{\"text\":{\"type\":\"plain_text\",\"text\":\"Mentor\"},\"value\":\"mentor\"},"
                + "{\"text\":{\"type\":\"plain_text\",\"text\":\"Mentee\"},\"value\":\"mentee\"}]}},"
                + "{\"type\":\"input\",\"block_id\":\"csv\",\"optional\":true,\"label\":{\"type\":\"plain_text\","
                + "\"text\":\"CSV\"},\"element\":{\"type\":\"file_input\",\"action_id\":\"csv\"}}]}";
    }

    private static JsonObject json(String json) {
        return JsonParser.parseString(json).getAsJsonObject();
    }
}
