package dev.rapport.core.interaction;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.core.chat.ChatMessage;
import dev.rapport.core.chat.ChatMessage.Block;
import dev.rapport.core.chat.ChatUser;
import dev.rapport.core.chat.InteractionResult;
import dev.rapport.core.chat.Platform;
import dev.rapport.core.chat.SendResult;
import dev.rapport.core.command.CommandRequest;
import dev.rapport.core.command.CommandService;
import dev.rapport.core.meeting.MeetingButtons;
import dev.rapport.core.pair.PairView;
import dev.rapport.core.participant.ParticipantView;
import dev.rapport.core.participant.ProfileRefresh;
import dev.rapport.core.participant.TimeZoneForm;
import dev.rapport.core.participant.TimeZoneSource;
import dev.rapport.core.programme.ProgrammeView;
import dev.rapport.core.schedule.Reminders;
import dev.rapport.core.test.CoreTestSupport;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class InteractionIT extends CoreTestSupport {

    private static final ZoneId LISBON = ZoneId.of("Europe/Lisbon");

    @Autowired
    InteractionService interactions;

    @Autowired
    InboundEvents events;

    @Autowired
    Reminders reminders;

    @Autowired
    ProfileRefresh profiles;

    @Autowired
    CommandService commands;

    @Test
    void a_mentor_logs_a_meeting_with_one_tap_on_the_meeting_reminder() {
        ChatUser cora = user("Cora");
        ChatUser lee = user("Dr Lee");
        ChatUser ana = user("Ana");
        ProgrammeView programme = programme("Residents", cora, LISBON);
        PairView pair = pair(programme, lee, ana, LISBON, LocalDate.parse("2026-11-02"));
        clock.set(Instant.parse("2026-11-30T12:00:00Z"));

        assertThat(reminders.remindOverdueMeetings()).isEqualTo(1);
        tick();
        ChatMessage reminder = slack.to(lee.userId()).stream()
                .map(d -> d.message())
                .filter(m -> m.summary().startsWith("No meeting with Ana"))
                .findFirst()
                .orElseThrow();
        List<String> buttons = actionIds(reminder);
        assertThat(buttons)
                .containsExactly(MeetingButtons.actionId(pair.id(), 0), MeetingButtons.actionId(pair.id(), 1));

        InteractionResult tapped = interactions.click(lee, buttons.get(0));
        assertThat(tapped.updatedMessage().summary()).isEqualTo("Meeting logged");
        assertThat(text(tapped.updatedMessage())).contains("you met Ana on 2026-11-30");
        assertThat(actionIds(tapped.updatedMessage())).isEmpty();

        InteractionResult again = interactions.click(lee, buttons.get(0));
        assertThat(text(again.updatedMessage())).contains("already logged");
        assertThat(jdbc.queryForObject("select count(*) from meeting where held_on = '2026-11-30'", Integer.class))
                .isEqualTo(1);
    }

    @Test
    void a_meeting_button_is_refused_to_anyone_outside_the_pair_and_a_malformed_one_is_not_recognised() {
        ChatUser cora = user("Cora");
        ProgrammeView programme = programme("Residents", cora, LISBON);
        PairView pair = pair(programme, user("Lee"), user("Ana"), LISBON, LocalDate.parse("2026-11-02"));

        assertThat(interactions
                        .click(cora, MeetingButtons.actionId(pair.id(), 0))
                        .notice())
                .isEqualTo("This button isn't yours to use.");
        assertThat(interactions
                        .click(cora, "rapport:meeting:" + pair.id() + ":9")
                        .notice())
                .contains("didn't recognise");
        assertThat(jdbc.queryForObject("select count(*) from meeting", Integer.class))
                .isZero();
    }

    @Test
    void a_discord_participant_is_asked_for_their_time_zone_once_and_their_answer_moves_their_check_ins() {
        ChatUser coordinator = new ChatUser(Platform.DISCORD, "G1", "100", "Cora", true, java.util.Set.of("900"));
        ChatUser lee = ChatUser.of(Platform.DISCORD, "G1", "200", "Lee");
        ChatUser ana = ChatUser.of(Platform.DISCORD, "G1", "300", "Ana");
        commands.handle(new CommandRequest(coordinator, "setup \"Residents\" Europe/Lisbon role=<@&900>"));
        commands.handle(new CommandRequest(coordinator, "add-pair <@200> <@300> 2026-11-23"));
        directory.profile("200", "Dr Lee", null);
        directory.profile("300", "Ana Silva", null);
        directory.profile("100", "Cora", null);

        assertThat(profiles.readNewProfiles()).isEqualTo(3);
        assertThat(profiles.readNewProfiles()).isZero();
        tick();

        ChatMessage question = discord.to("300").stream()
                .map(d -> d.message())
                .filter(m -> m.summary().equals("Which time zone are you in?"))
                .collect(java.util.stream.Collectors.collectingAndThen(java.util.stream.Collectors.toList(), l -> {
                    assertThat(l).hasSize(1);
                    return l.get(0);
                }));
        assertThat(text(question)).contains("Hi Ana Silva").contains("assumes Europe/Lisbon");
        InteractionResult opened = interactions.click(ana, TimeZoneForm.OPEN);
        assertThat(opened.form().formId()).isEqualTo(TimeZoneForm.SUBMIT);
        assertThat(InteractionService.formOpenedBy(TimeZoneForm.OPEN)).contains(opened.form());

        assertThat(interactions
                        .submit(ana, TimeZoneForm.SUBMIT, Map.of("zone", "Mars/Olympus"))
                        .notice())
                .contains("isn't a time zone I know");
        Instant before = nextDue("300");
        InteractionResult saved = interactions.submit(ana, TimeZoneForm.SUBMIT, Map.of("zone", "asia/kolkata"));
        assertThat(text(saved.updatedMessage())).contains("Your time zone is Asia/Kolkata");
        ParticipantView after = participants.find(ana).orElseThrow();
        assertThat(after.zone()).isEqualTo(ZoneId.of("Asia/Kolkata"));
        assertThat(after.zoneSource()).isEqualTo(TimeZoneSource.CHOSEN);
        assertThat(Duration.between(nextDue("300"), before)).isEqualTo(Duration.ofMinutes(330));
    }

    @Test
    void a_slack_profile_gives_the_time_zone_and_name_but_never_overrides_a_chosen_zone() {
        ChatUser cora = user("Cora");
        ChatUser lee = user("lee");
        ChatUser ana = user("ana");
        ProgrammeView programme = programme("Residents", cora, LISBON);
        pair(programme, lee, ana, null, LocalDate.parse("2026-11-23"));
        participants.setTimeZone(participants.find(lee).orElseThrow().id(), ZoneId.of("Europe/Berlin"));
        directory.profile(lee.userId(), "Dr Lee", ZoneId.of("America/New_York"));
        directory.profile(ana.userId(), "Ana Silva", ZoneId.of("America/New_York"));
        Instant anaBefore = nextDue(ana.userId());

        profiles.readNewProfiles();

        ParticipantView anaNow = participants.find(ana).orElseThrow();
        assertThat(anaNow.displayName()).isEqualTo("Ana Silva");
        assertThat(anaNow.zone()).isEqualTo(ZoneId.of("America/New_York"));
        assertThat(anaNow.zoneSource()).isEqualTo(TimeZoneSource.PLATFORM);
        assertThat(Duration.between(anaBefore, nextDue(ana.userId()))).isEqualTo(Duration.ofHours(5));
        ParticipantView leeNow = participants.find(lee).orElseThrow();
        assertThat(leeNow.displayName()).isEqualTo("Dr Lee");
        assertThat(leeNow.zone()).isEqualTo(ZoneId.of("Europe/Berlin"));
        tick();
        assertThat(slack.deliveries()).noneMatch(d -> d.message().summary().equals("Which time zone are you in?"));

        participants.profileChanged(ChatUser.of(Platform.SLACK, WORKSPACE, ana.userId(), "Ana S."), LISBON);
        assertThat(participants.find(ana).orElseThrow().zone()).isEqualTo(LISBON);
        assertThat(participants.find(ana).orElseThrow().displayName()).isEqualTo("Ana S.");
    }

    @Test
    void a_directory_outage_pauses_reading_and_picks_up_where_it_left_off() {
        ChatUser cora = user("Cora");
        programme("Residents", cora, LISBON);
        directory.failNext();

        assertThat(profiles.readNewProfiles()).isZero();
        assertThat(profiles.readNewProfiles()).isEqualTo(1);
    }

    @Test
    void someone_whose_dms_are_closed_is_reported_once_and_not_messaged_again_until_they_use_rapport() {
        ChatUser cora = user("Cora");
        ChatUser lee = user("Lee");
        ChatUser ana = user("Ana");
        ProgrammeView programme = programme("Residents", cora, LISBON);
        pair(programme, lee, ana, LISBON, LocalDate.parse("2026-11-23"));
        java.util.concurrent.atomic.AtomicInteger refusals = new java.util.concurrent.atomic.AtomicInteger();
        slack.script(r -> {
            if (r.userId().equals(ana.userId())) {
                refusals.incrementAndGet();
                return new SendResult.Unreachable("Slack chat.postMessage: cannot_dm_user");
            }
            return null;
        });

        tick(); // the welcomes: Ana's is refused
        clock.set(Instant.parse("2026-11-30T10:05:00Z"));
        tick(); // the check-ins: Ana's is not even tried
        clock.advance(Duration.ofDays(7));
        tick();

        assertThat(refusals).hasValue(1);
        assertThat(participants.find(ana).orElseThrow().unreachable()).isTrue();
        assertThat(jdbc.queryForList("select status from check_in where role = 'MENTEE' order by period", String.class))
                .containsOnly("UNDELIVERED");
        assertThat(slack.to(cora.userId()))
                .filteredOn(d -> d.message().summary().contains("cannot send direct messages to Ana"))
                .hasSize(1);

        slack.script(r -> null);
        commands.handle(new CommandRequest(ana, "me"));
        assertThat(participants.find(ana).orElseThrow().unreachable()).isFalse();
        clock.advance(Duration.ofDays(7));
        tick();
        assertThat(slack.to(ana.userId())).anyMatch(d -> d.message().summary().contains("check-in is ready"));
    }

    @Test
    void on_discord_a_tap_in_a_direct_message_which_belongs_to_no_server_is_known_by_the_user_id() {
        ChatUser coordinator = new ChatUser(Platform.DISCORD, "G1", "100", "Cora", true, java.util.Set.of("900"));
        commands.handle(new CommandRequest(coordinator, "setup \"Residents\" Europe/Lisbon role=<@&900>"));
        commands.handle(new CommandRequest(coordinator, "add-pair <@200|Lee> <@300|Ana> 2026-11-23"));
        clock.set(Instant.parse("2026-11-30T10:05:00Z"));
        tick();
        ChatMessage checkIn = discord.to("300").stream()
                .map(d -> d.message())
                .filter(m -> m.summary().contains("check-in is ready"))
                .findFirst()
                .orElseThrow();
        String yes = actionIds(checkIn).getFirst();

        ChatUser strangerInDm = ChatUser.of(Platform.DISCORD, ChatUser.DIRECT_MESSAGE, "999", "Mallory");
        assertThat(interactions.click(strangerInDm, yes).notice()).isEqualTo("This check-in isn't yours to answer.");
        ChatUser anaInDm = ChatUser.of(Platform.DISCORD, ChatUser.DIRECT_MESSAGE, "300", "Ana");
        assertThat(interactions.click(anaInDm, yes).notice()).isNull();
        assertThat(jdbc.queryForObject("select met from check_in where role = 'MENTEE'", Boolean.class))
                .isTrue();

        String today = MeetingButtons.actionId(1, 0);
        assertThat(interactions.click(strangerInDm, today).notice()).isEqualTo("This button isn't yours to use.");
        assertThat(text(interactions
                        .click(ChatUser.of(Platform.DISCORD, ChatUser.DIRECT_MESSAGE, "200", "Lee"), today)
                        .updatedMessage()))
                .contains("you met Ana");
        assertThat(interactions
                        .submit(anaInDm, TimeZoneForm.SUBMIT, Map.of("zone", "America/Chicago"))
                        .updatedMessage())
                .isNotNull();
        assertThat(participants
                        .find(ChatUser.of(Platform.DISCORD, "G1", "300", "Ana"))
                        .orElseThrow()
                        .zone())
                .isEqualTo(ZoneId.of("America/Chicago"));
    }

    @Test
    void a_platform_event_is_handled_once_however_often_it_is_delivered() {
        assertThat(events.firstDelivery(Platform.SLACK, "Ev123")).isTrue();
        assertThat(events.firstDelivery(Platform.SLACK, "Ev123")).isFalse();
        assertThat(events.firstDelivery(Platform.DISCORD, "Ev123")).isTrue();
    }

    private Instant nextDue(String userId) {
        return jdbc.queryForObject("""
                select s.next_due_at from checkin_slot s join pair p on p.id = s.pair_id
                join participant me on me.id = case when s.role = 'MENTEE' then p.mentee_id else p.mentor_id end
                where me.platform_user_id = ?""", java.time.OffsetDateTime.class, userId).toInstant();
    }

    private static List<String> actionIds(ChatMessage message) {
        return message.blocks().stream()
                .flatMap(b -> switch (b) {
                    case Block.Question q -> q.choices().stream().map(c -> c.actionId());
                    case Block.FormButton f -> java.util.stream.Stream.of(f.actionId());
                    default -> java.util.stream.Stream.<String>empty();
                })
                .toList();
    }

    private static String text(ChatMessage message) {
        return message.blocks().stream()
                .filter(b -> b instanceof Block.Text)
                .map(b -> ((Block.Text) b).text())
                .reduce("", (a, b) -> a + "\n" + b);
    }
}
