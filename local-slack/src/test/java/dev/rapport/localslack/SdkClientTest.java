package dev.rapport.localslack;

import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.view.Views.view;
import static com.slack.api.model.view.Views.viewTitle;
import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.response.apps.connections.AppsConnectionsOpenResponse;
import com.slack.api.methods.response.chat.ChatPostEphemeralResponse;
import com.slack.api.methods.response.files.FilesUploadV2Response;
import com.slack.api.methods.response.oauth.OAuthV2AccessResponse;
import com.slack.api.methods.response.team.TeamInfoResponse;
import com.slack.api.methods.response.users.UsersInfoResponse;
import com.slack.api.methods.response.views.ViewsOpenResponse;
import com.slack.api.methods.response.views.ViewsUpdateResponse;
import com.slack.api.model.User;
import com.slack.api.model.view.View;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Slack SDK's own Web API client against the local Slack: its requests are understood, its answers parsed. */
class SdkClientTest {

    private static final String TEAM = LocalSlack.Builder.DEFAULT_TEAM;
    private static final String TOKEN = LocalSlack.Builder.DEFAULT_TOKEN;

    private LocalSlack slack;
    private Slack sdk;
    private MethodsClient methods;

    @BeforeEach
    void start() {
        slack = LocalSlack.builder()
                .clock(new MutableClock(Instant.parse("2026-07-01T12:00:00Z")))
                .workspaceName(TEAM, "Mentoring School")
                .user(new UserProfile(
                        TEAM, "U0ANA", "ana", "Ana Lima", "Ana", "America/New_York", false, true, false, false))
                .start();
        SlackConfig config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(slack.apiUrl());
        config.setStatsEnabled(false);
        sdk = Slack.getInstance(config);
        methods = sdk.methods(TOKEN);
    }

    @AfterEach
    void stop() throws Exception {
        sdk.close();
        slack.close();
    }

    @Test
    void users_info_and_team_info_parse_into_the_sdks_model() throws Exception {
        UsersInfoResponse info = methods.usersInfo(r -> r.user("U0ANA"));
        UsersInfoResponse missing = methods.usersInfo(r -> r.user("U0NOBODY"));
        TeamInfoResponse team = methods.teamInfo(r -> r);

        User ana = info.getUser();
        assertThat(info.isOk()).isTrue();
        assertThat(ana.getTeamId()).isEqualTo(TEAM);
        assertThat(ana.getRealName()).isEqualTo("Ana Lima");
        assertThat(ana.getProfile().getDisplayName()).isEqualTo("Ana");
        assertThat(ana.getTz()).isEqualTo("America/New_York");
        assertThat(ana.getTzLabel()).isEqualTo("Eastern Daylight Time");
        assertThat(ana.getTzOffset()).isEqualTo(-4 * 3600);
        assertThat(ana.isOwner()).isTrue();
        assertThat(ana.isAdmin()).isFalse();
        assertThat(missing.getError()).isEqualTo("user_not_found");
        assertThat(team.getTeam().getName()).isEqualTo("Mentoring School");
    }

    @Test
    void an_ephemeral_message_and_a_modal_are_accepted_as_the_sdk_sends_them() throws Exception {
        String dm = methods.conversationsOpen(r -> r.users(List.of("U0ANA")))
                .getChannel()
                .getId();
        String trigger = slack.as(TEAM, "U0ANA").command("/rapport", "").triggerId();

        ChatPostEphemeralResponse ephemeral = methods.chatPostEphemeral(r -> r.channel(dm)
                .user("U0ANA")
                .text("Only you see this")
                .blocks(List.of(section(s -> s.text(markdownText("Only *you* see this"))))));
        ViewsOpenResponse opened = methods.viewsOpen(r -> r.triggerId(trigger).view(modal("Your comment")));
        ViewsOpenResponse again = methods.viewsOpen(r -> r.triggerId(trigger).view(modal("Your comment")));
        ViewsUpdateResponse updated =
                methods.viewsUpdate(r -> r.viewId(opened.getView().getId())
                        .hash(opened.getView().getHash())
                        .view(modal("Thank you")));

        assertThat(ephemeral.isOk()).isTrue();
        assertThat(ephemeral.getMessageTs())
                .isEqualTo(slack.ephemerals().getFirst().ts());
        assertThat(slack.ephemerals().getFirst().blocksJson()).contains("Only *you* see this");
        assertThat(opened.isOk()).isTrue();
        assertThat(opened.getView().getId()).startsWith("V");
        assertThat(opened.getView().getCallbackId()).isEqualTo("comment-form");
        assertThat(again.getError()).isEqualTo("exchanged_trigger_id");
        assertThat(updated.isOk()).isTrue();
        assertThat(slack.view(opened.getView().getId()).orElseThrow().title()).isEqualTo("Thank you");
    }

    @Test
    void files_upload_v2_goes_through_all_three_steps_and_the_file_is_held() throws Exception {
        String dm = methods.conversationsOpen(r -> r.users(List.of("U0ANA")))
                .getChannel()
                .getId();
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 1, 2, 3};

        FilesUploadV2Response uploaded = methods.filesUploadV2(r -> r.channel(dm)
                .filename("trend.png")
                .title("Trust trend")
                .altTxt("Trust, week by week")
                .fileData(png)
                .initialComment("Your pair's trend"));

        assertThat(uploaded.isOk()).isTrue();
        assertThat(uploaded.getFile().getId()).startsWith("F");
        assertThat(uploaded.getFile().getUrlPrivate()).startsWith("http://127.0.0.1:");
        UploadedFile held = slack.files().getFirst();
        assertThat(held.name()).isEqualTo("trend.png");
        assertThat(held.title()).isEqualTo("Trust trend");
        assertThat(held.altTxt()).isEqualTo("Trust, week by week");
        assertThat(held.mimetype()).isEqualTo("image/png");
        assertThat(held.bytes()).isEqualTo(png);
        assertThat(held.channels()).containsExactly(dm);
        assertThat(held.initialComment()).isEqualTo("Your pair's trend");
        assertThat(slack.callsTo("files.getUploadURLExternal")).isEqualTo(1);
        assertThat(slack.callsTo("files.completeUploadExternal")).isEqualTo(1);
    }

    @Test
    void oauth_v2_access_and_apps_connections_open_answer_the_sdks_types() throws Exception {
        String code = slack.issueOAuthCode("T0NEW", "U0ADMIN");

        OAuthV2AccessResponse access = sdk.methods()
                .oauthV2Access(r -> r.clientId(LocalSlack.Builder.DEFAULT_CLIENT_ID)
                        .clientSecret(LocalSlack.Builder.DEFAULT_CLIENT_SECRET)
                        .code(code));
        AppsConnectionsOpenResponse socket =
                sdk.methods().appsConnectionsOpen(r -> r.token(LocalSlack.Builder.DEFAULT_APP_TOKEN));
        AppsConnectionsOpenResponse withBotToken = methods.appsConnectionsOpen(r -> r);

        assertThat(access.isOk()).isTrue();
        assertThat(access.getTeam().getId()).isEqualTo("T0NEW");
        assertThat(access.getBotUserId()).isEqualTo(slack.botUserId("T0NEW"));
        assertThat(access.getAuthedUser().getId()).isEqualTo("U0ADMIN");
        assertThat(access.getTokenType()).isEqualTo("bot");
        assertThat(access.isEnterpriseInstall()).isFalse();
        assertThat(sdk.methods(access.getAccessToken()).authTest(r -> r).getTeamId())
                .isEqualTo("T0NEW");
        assertThat(socket.getUrl()).startsWith("ws://127.0.0.1:");
        assertThat(withBotToken.getError()).isEqualTo("not_allowed_token_type");
    }

    private static View modal(String title) {
        return view(v -> v.type("modal")
                .callbackId("comment-form")
                .title(viewTitle(t -> t.type("plain_text").text(title)))
                .blocks(List.of(section(s -> s.text(markdownText("Thanks for the check-in."))))));
    }
}
