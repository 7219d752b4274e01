package dev.rapport.core.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.core.i18n.UserFacingLiterals.Offender;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The guard itself, on small sources: what it refuses, where it says it is, and what it lets through. */
class UserFacingLiteralsGuardTest {

    private final UserFacingLiterals guard = new UserFacingLiterals();

    private List<String> offending(String source) {
        return guard.scan("Fixture.java", source).stream().map(Offender::value).toList();
    }

    @Test
    void aSentenceMovedIntoAConstantIsStillFound() {
        List<Offender> found = guard.scan("x/Fixture.java", """
                class Fixture {
                    private static final String DONE = "Your pair is paused.";

                    String reply() {
                        return DONE;
                    }
                }
                """);
        assertThat(found).singleElement().satisfies(o -> {
            assertThat(o.value()).isEqualTo("Your pair is paused.");
            assertThat(o.line()).isEqualTo(2);
            assertThat(o).hasToString("x/Fixture.java:2: \"Your pair is paused.\"");
        });
    }

    @Test
    void findsTextBlocksConcatenationsAndOneWordSentences() {
        assertThat(offending("""
                class Fixture {
                    String a(int n) { return "Skipped " + n + " dates"; }
                    String b() { return \"""
                            Welcome aboard
                            \"""; }
                    String c() { return "Saved."; }
                    String d() { return String.format("%s has *not answered* yet", who); }
                }
                """))
                .containsExactly("Skipped ", " dates", "Welcome aboard\n", "Saved.", "%s has *not answered* yet");
    }

    @Test
    void passesLogsSqlProgrammerErrorsAnnotationsKeysAndIdentifiers() {
        assertThat(offending("""
                class Fixture {
                    private static final org.slf4j.Logger log = null;
                    @SuppressWarnings("the reason is for people reading the code")
                    void run(Object o) {
                        log.warn("Could not send the message {} to {}", 1, 2);
                        log.info("Skipped " + 3 + " dates");
                        jdbc.update("update pair set status = ? where id = ?", 1, 2);
                        jdbc.query(\"""
                                select id from pair where programme_id = ?\""");
                        java.util.Objects.requireNonNull(o, "the value is required here");
                        if (o == null) throw new IllegalStateException("the row vanished while we read it");
                        catalogue.text(locale, "pair.error.already-paired", "mentor_id", who);
                        String prefix = "health.state.";
                        String column = "mentor_timezone";
                        String url = "https://example.org/a b";
                    }
                }
                """)).isEmpty();
    }

    @Test
    void aLogCallDoesNotExcuseWhatIsBuiltBeforeIt() {
        assertThat(offending("""
                class Fixture {
                    void run() {
                        String said = "Your check-in is recorded";
                        log.info(said);
                        throw new RuntimeException("Something went wrong here");
                    }
                }
                """)).containsExactly("Your check-in is recorded", "Something went wrong here");
    }

    @Test
    void proseIsTwoWordsOrASentenceOnceMarkupAndPlaceholdersAreGone() {
        assertThat(UserFacingLiterals.prose("Pair paused")).isTrue();
        assertThat(UserFacingLiterals.prose("Paused.")).isTrue();
        assertThat(UserFacingLiterals.prose("{name} {when}")).isFalse();
        assertThat(UserFacingLiterals.prose("%s: %d")).isFalse();
        assertThat(UserFacingLiterals.prose("<@U123> <#C1>")).isFalse();
        assertThat(UserFacingLiterals.prose("pair_id")).isFalse();
        assertThat(UserFacingLiterals.prose("checkin.thanks.summary")).isFalse();
        assertThat(UserFacingLiterals.prose("setting.")).isFalse();
        assertThat(UserFacingLiterals.prose("Cancel")).as("a button's label").isTrue();
        assertThat(UserFacingLiterals.prose("*Pair*")).as("a table's header").isTrue();
        assertThat(UserFacingLiterals.prose("Slack ")).as("a platform's name").isFalse();
        assertThat(UserFacingLiterals.prose("Authorization")).isFalse();
        assertThat(UserFacingLiterals.prose("MENTEE")).isFalse();
        assertThat(UserFacingLiterals.prose("status")).isFalse();
        assertThat(UserFacingLiterals.prose("rapport:consent:yes"))
                .as("a button's id")
                .isFalse();
        assertThat(UserFacingLiterals.prose("Yes, they may")).isTrue();
    }

    @Test
    void everyAllowedLiteralHasAReasonAndIsStillThere() throws Exception {
        for (var e : UserFacingLiterals.ALLOWED.entrySet()) {
            assertThat(e.getValue()).as("reason for %s", e.getKey()).isNotBlank();
            String source = java.nio.file.Files.readString(
                    UserFacingLiteralsTest.ROOT.resolve(e.getKey().file()));
            assertThat(source)
                    .as("an allowed literal that is gone should leave the list: %s", e.getKey())
                    .contains(e.getKey().value());
        }
    }
}
