package dev.rapport.localslack;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.input;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.option;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;
import static com.slack.api.model.block.element.BlockElements.checkboxes;
import static com.slack.api.model.block.element.BlockElements.fileInput;
import static com.slack.api.model.block.element.BlockElements.plainTextInput;
import static com.slack.api.model.view.Views.view;
import static com.slack.api.model.view.Views.viewClose;
import static com.slack.api.model.view.Views.viewSubmit;
import static com.slack.api.model.view.Views.viewTitle;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;
import com.slack.api.app_backend.views.payload.ViewSubmissionPayload;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.socket_mode.SocketModeApp;
import com.slack.api.methods.response.views.ViewsOpenResponse;
import com.slack.api.model.User;
import com.slack.api.model.event.UserChangeEvent;
import com.slack.api.model.view.View;
import com.slack.api.model.view.ViewState;
import com.slack.api.socket_mode.SocketModeClient;
import dev.rapport.localkit.Outage;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A real Bolt {@link App} over {@link SocketModeApp} (Java-WebSocket backend) against the local Slack: it receives a
 * slash command, a button click, a view submission and an event acted out with {@link SlackUser}, answers them
 * (ack, {@code ctx.respond}, {@code views.open} with the trigger, {@code chat.update}), and reconnects when its socket
 * is dropped, asked to refresh, or Slack has an outage.
 */
class BoltSocketModeTest {

    private static final String TEAM = LocalSlack.Builder.DEFAULT_TEAM;
    private static final String TOKEN = LocalSlack.Builder.DEFAULT_TOKEN;
    private static final String APP_TOKEN = LocalSlack.Builder.DEFAULT_APP_TOKEN;
    /** Past the SDK's session monitor, which checks the connection every 5 s and waits 10 s after a failure. */
    private static final Duration RECONNECT = Duration.ofSeconds(40);

    private final List<AutoCloseable> toClose = new ArrayList<>();
    private LocalSlack slack;
    private Slack sdk;
    private SlackUser ana;

    @BeforeEach
    void start() {
        slack = LocalSlack.builder()
                .user(TEAM, "U0ANA", "ana", "Ana Lima", "Europe/Paris", false)
                .start();
        SlackConfig config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(slack.apiUrl());
        config.setStatsEnabled(false);
        sdk = Slack.getInstance(config);
        ana = slack.as(TEAM, "U0ANA");
    }

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable c : toClose.reversed()) {
            c.close();
        }
        sdk.close();
        slack.close();
    }

    private App app() {
        return new App(AppConfig.builder().slack(sdk).singleTeamBotToken(TOKEN).build());
    }

    /** Connects the app over Socket Mode and waits for the local Slack to have greeted the connection. */
    private SocketModeApp connect(App app) throws Exception {
        int before = slack.socketModeConnections();
        SocketModeApp socketMode = new SocketModeApp(APP_TOKEN, app, SocketModeClient.Backend.JavaWebSocket);
        socketMode.startAsync();
        toClose.add(() -> {
            // The client's own close stops its reconnect loop and threads; SocketModeApp#close leaves them running.
            if (socketMode.getClient() != null) {
                socketMode.getClient().close();
            }
            socketMode.close();
        });
        await().atMost(Duration.ofSeconds(10)).until(() -> slack.socketModeConnections() == before + 1);
        return socketMode;
    }

    @Test
    void a_slash_command_is_acknowledged_with_a_reply_and_answered_again_through_the_response_url() throws Exception {
        App app = app();
        AtomicReference<SlashCommandPayload> received = new AtomicReference<>();
        app.command("/rapport", (req, ctx) -> {
            SlashCommandPayload p = req.getPayload();
            received.set(p);
            ctx.respond(r -> r.responseType("ephemeral").text("Health for " + p.getUserName() + ": all fine"));
            return ctx.ack("Working on it");
        });
        connect(app);

        Delivery command = ana.command("/rapport", "health");
        Ack ack = command.awaitAck();
        ResponsePost reply = command.awaitResponse();

        assertThat(ack.outcome()).isEqualTo(Ack.Outcome.ACKED);
        assertThat(ack.latency()).isLessThan(LocalSlack.ACK_DEADLINE);
        assertThat(ack.payload().get("text").getAsString()).isEqualTo("Working on it");
        assertThat(reply.accepted()).isTrue();
        assertThat(reply.text()).isEqualTo("Health for ana: all fine");
        SlashCommandPayload p = received.get();
        assertThat(p.getCommand()).isEqualTo("/rapport");
        assertThat(p.getText()).isEqualTo("health");
        assertThat(p.getTeamId()).isEqualTo(TEAM);
        assertThat(p.getUserId()).isEqualTo("U0ANA");
        assertThat(p.getChannelId()).isEqualTo(ana.dmChannel());
        assertThat(p.getApiAppId()).isEqualTo(slack.appId());
        assertThat(p.getTriggerId()).isEqualTo(command.triggerId());
        assertThat(p.isEnterpriseInstall()).isFalse();
        assertThat(ana.screen())
                .extracting(Seen::kind, Seen::text, Seen::via)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(
                                Seen.Kind.EPHEMERAL, "Health for ana: all fine", "response_url"),
                        org.assertj.core.groups.Tuple.tuple(Seen.Kind.EPHEMERAL, "Working on it", "ack"));
    }

    @Test
    void a_button_click_opens_a_modal_with_its_trigger_and_updates_the_message() throws Exception {
        App app = app();
        AtomicReference<BlockActionPayload> clicked = new AtomicReference<>();
        AtomicReference<ViewsOpenResponse> opened = new AtomicReference<>();
        app.blockAction("checkin:7:comment", (req, ctx) -> {
            BlockActionPayload p = req.getPayload();
            clicked.set(p);
            opened.set(ctx.client()
                    .viewsOpen(r -> r.triggerId(p.getTriggerId())
                            .view(commentForm(p.getContainer().getChannelId() + "|"
                                    + p.getContainer().getMessageTs()))));
            ctx.client()
                    .chatUpdate(r -> r.channel(p.getChannel().getId())
                            .ts(p.getMessage().getTs())
                            .text("Thanks, tell us more in the form")
                            .blocks(List.of(section(s -> s.text(markdownText("Thanks, tell us more in the form"))))));
            return ctx.ack();
        });
        connect(app);
        sdk.methods(TOKEN)
                .chatPostMessage(r -> r.channel("U0ANA")
                        .text("How was your week?")
                        .blocks(List.of(actions(a -> a.blockId("r0-actions")
                                .elements(List.of(button(b -> b.actionId("checkin:7:comment")
                                        .value("checkin:7:comment")
                                        .text(plainText("Add a comment")))))))));
        PostedMessage checkIn = slack.messages().getFirst();

        Delivery click = ana.click(checkIn, "checkin:7:comment");

        assertThat(click.awaitAck().acknowledged()).isTrue();
        assertThat(opened.get().isOk()).isTrue();
        BlockActionPayload p = clicked.get();
        assertThat(p.getUser().getId()).isEqualTo("U0ANA");
        assertThat(p.getUser().getTeamId()).isEqualTo(TEAM);
        assertThat(p.getTeam().getId()).isEqualTo(TEAM);
        assertThat(p.getContainer().getType()).isEqualTo("message");
        assertThat(p.getContainer().getMessageTs()).isEqualTo(checkIn.ts());
        assertThat(p.getContainer().isEphemeral()).isFalse();
        assertThat(p.getMessage().getBlocks()).hasSize(1);
        assertThat(p.getActions()).singleElement().satisfies(a -> {
            assertThat(a.getActionId()).isEqualTo("checkin:7:comment");
            assertThat(a.getBlockId()).isEqualTo("r0-actions");
            assertThat(a.getValue()).isEqualTo("checkin:7:comment");
            assertThat(a.getType()).isEqualTo("button");
        });
        assertThat(p.getResponseUrl()).isEqualTo(click.responseUrl());
        OpenedView form = slack.openedViews().getFirst();
        assertThat(form.userId()).isEqualTo("U0ANA");
        assertThat(form.callbackId()).isEqualTo("comment-form");
        assertThat(form.privateMetadata()).isEqualTo(checkIn.channel() + "|" + checkIn.ts());
        assertThat(slack.updates()).extracting(PostedMessage::ts).containsExactly(checkIn.ts());
        assertThat(ana.screen())
                .extracting(Seen::kind, Seen::text, Seen::edited)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                Seen.Kind.MESSAGE, "Thanks, tell us more in the form", true),
                        org.assertj.core.groups.Tuple.tuple(Seen.Kind.MODAL, "Your comment", false));
    }

    @Test
    void a_view_submission_carries_the_inputs_state_and_its_errors_keep_the_modal_open() throws Exception {
        App app = app();
        app.command("/rapport", (req, ctx) -> {
            ctx.client()
                    .viewsOpen(r -> r.triggerId(req.getPayload().getTriggerId()).view(commentForm("pair-7")));
            return ctx.ack();
        });
        AtomicReference<ViewSubmissionPayload> submitted = new AtomicReference<>();
        app.viewSubmission("comment-form", (req, ctx) -> {
            submitted.set(req.getPayload());
            String comment = req.getPayload()
                    .getView()
                    .getState()
                    .getValues()
                    .get("comment")
                    .get("comment")
                    .getValue();
            return comment.length() < 5 ? ctx.ackWithErrors(Map.of("comment", "Say a little more")) : ctx.ack();
        });
        connect(app);
        ana.command("/rapport", "comment").awaitAck();
        await().atMost(Duration.ofSeconds(5)).until(() -> ana.openModal().isPresent());
        OpenedView form = ana.openModal().orElseThrow();
        UploadedFile csv =
                ana.upload("pairs.csv", "mentor_id,mentee_id\nU0ANA,U0BEN\n".getBytes(StandardCharsets.UTF_8));

        Delivery tooShort = ana.submit(form, Map.of("comment", "ok"));
        assertThat(tooShort.awaitAck().acknowledged()).isTrue();
        OpenedView withErrors = slack.view(form.id()).orElseThrow();
        Delivery good = ana.submit(form, Map.of("comment", "We met twice", "share", true, "csv", csv));
        assertThat(good.awaitAck().acknowledged()).isTrue();

        assertThat(withErrors.open()).isTrue();
        assertThat(withErrors.errors()).containsEntry("comment", "Say a little more");
        assertThat(slack.view(form.id()).orElseThrow().open()).isFalse();
        ViewSubmissionPayload p = submitted.get();
        assertThat(p.getUser().getId()).isEqualTo("U0ANA");
        assertThat(p.getView().getId()).isEqualTo(form.id());
        assertThat(p.getView().getCallbackId()).isEqualTo("comment-form");
        assertThat(p.getView().getPrivateMetadata()).isEqualTo("pair-7");
        Map<String, Map<String, ViewState.Value>> values =
                p.getView().getState().getValues();
        assertThat(values.get("comment").get("comment").getValue()).isEqualTo("We met twice");
        assertThat(values.get("share").get("share").getSelectedOptions())
                .singleElement()
                .satisfies(o -> assertThat(o.getValue()).isEqualTo("true"));
        com.slack.api.model.File file = values.get("csv").get("csv").getFiles().getFirst();
        assertThat(file.getName()).isEqualTo("pairs.csv");
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> download = http.send(
                    HttpRequest.newBuilder(java.net.URI.create(file.getUrlPrivate()))
                            .header("Authorization", "Bearer " + TOKEN)
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(download.body()).isEqualTo(csv.text());
        }
    }

    @Test
    void a_user_change_event_reaches_the_app_with_the_whole_user() throws Exception {
        App app = app();
        AtomicReference<User> changed = new AtomicReference<>();
        app.event(UserChangeEvent.class, (payload, ctx) -> {
            changed.set(payload.getEvent().getUser());
            return ctx.ack();
        });
        connect(app);

        Delivery event = slack.changeUser(TEAM, "U0ANA", "ana.lima", "America/Sao_Paulo");

        assertThat(event.awaitAck().acknowledged()).isTrue();
        assertThat(changed.get().getId()).isEqualTo("U0ANA");
        assertThat(changed.get().getName()).isEqualTo("ana.lima");
        assertThat(changed.get().getTz()).isEqualTo("America/Sao_Paulo");
        assertThat(changed.get().getTzOffset()).isEqualTo(-3 * 3600);
        assertThat(sdk.methods(TOKEN).usersInfo(r -> r.user("U0ANA")).getUser().getTz())
                .isEqualTo("America/Sao_Paulo");
    }

    @Test
    void envelopes_are_spread_over_two_connections_of_one_app() throws Exception {
        App app = app();
        app.command("/rapport", (req, ctx) -> ctx.ack());
        connect(app);
        connect(app);

        List<Delivery> commands = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            commands.add(ana.command("/rapport", "me"));
        }

        assertThat(commands)
                .allSatisfy(d -> assertThat(d.awaitAck().acknowledged()).isTrue());
        assertThat(commands)
                .extracting(d -> d.awaitAck().connection())
                .containsOnly(1, 2)
                .contains(1, 2);
    }

    @Test
    void a_dropped_socket_is_reopened_through_apps_connections_open() throws Exception {
        App app = app();
        app.command("/rapport", (req, ctx) -> ctx.ack());
        connect(app);
        long opened = slack.callsTo("apps.connections.open");

        slack.dropConnections();
        await().atMost(RECONNECT)
                .until(() -> slack.socketModeConnections() == 1 && slack.callsTo("apps.connections.open") > opened);

        Ack ack = ana.command("/rapport", "me").awaitAck();
        assertThat(ack.acknowledged()).isTrue();
        assertThat(ack.connection()).isEqualTo(2);
    }

    @Test
    void a_refresh_request_moves_the_app_to_a_new_connection() throws Exception {
        App app = app();
        app.command("/rapport", (req, ctx) -> ctx.ack());
        connect(app);
        long opened = slack.callsTo("apps.connections.open");

        slack.requestReconnect("refresh_requested");
        await().atMost(RECONNECT)
                .until(() -> slack.socketModeConnections() == 1 && slack.callsTo("apps.connections.open") > opened);

        Ack ack = ana.command("/rapport", "me").awaitAck();
        assertThat(ack.acknowledged()).isTrue();
        assertThat(ack.connection()).isEqualTo(2);
    }

    @Test
    void after_an_outage_the_app_connects_again_and_is_delivered_to() throws Exception {
        App app = app();
        app.command("/rapport", (req, ctx) -> ctx.ack());
        connect(app);

        slack.startOutage(Outage.UNAVAILABLE);
        Ack during = ana.command("/rapport", "me").awaitAck();
        // Stay down until the client has tried to reconnect and been refused.
        await().atMost(RECONNECT)
                .until(() -> slack.calls()
                        .contains(new LocalSlack.ApiCall("apps.connections.open", 503, "service_unavailable")));
        slack.endOutage();
        await().atMost(RECONNECT).until(() -> slack.socketModeConnections() == 1);
        Ack after = ana.command("/rapport", "me").awaitAck();

        assertThat(during.outcome()).isEqualTo(Ack.Outcome.FAILED);
        assertThat(after.acknowledged()).isTrue();
    }

    private static View commentForm(String metadata) {
        return view(v -> v.type("modal")
                .callbackId("comment-form")
                .privateMetadata(metadata)
                .title(viewTitle(t -> t.type("plain_text").text("Your comment")))
                .submit(viewSubmit(s -> s.type("plain_text").text("Send")))
                .close(viewClose(c -> c.type("plain_text").text("Cancel")))
                .blocks(List.of(
                        input(i -> i.blockId("comment")
                                .label(plainText("Anything to add?"))
                                .element(plainTextInput(
                                        e -> e.actionId("comment").multiline(true)))),
                        input(i -> i.blockId("share")
                                .optional(true)
                                .label(plainText("Share with the coordinator"))
                                .element(checkboxes(
                                        c -> c.actionId("share").options(List.of(option(plainText("Yes"), "true")))))),
                        input(i -> i.blockId("csv")
                                .optional(true)
                                .label(plainText("Pairs (CSV)"))
                                .element(fileInput(f -> f.actionId("csv").filetypes(List.of("csv"))))))));
    }
}
