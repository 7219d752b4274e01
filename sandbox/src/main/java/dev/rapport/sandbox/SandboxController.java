package dev.rapport.sandbox;

import dev.rapport.localslack.UploadedFile;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The sandbox page's API: who is in the demo, what each of them sees, and acting as them (a click, a submitted form,
 * a command), plus the clock. Everything a person does here goes through the local platform to the real adapter, as
 * it would from Slack or Discord. Only the sandbox has it, on the loopback interface, and {@link SandboxGuard} answers
 * only the sandbox's own page there: every change carries this run's token.
 */
@RestController
@RequestMapping("/sandbox/api")
@ConditionalOnProperty(name = SandboxActivation.ACTIVE, havingValue = "true")
class SandboxController {

    private final SandboxDemo demo;
    private final SlackSandbox slack;
    private final DiscordSandbox discord;
    private final SandboxGuard guard;
    private final SandboxLanguages languages;

    SandboxController(
            SandboxDemo demo,
            SlackSandbox slack,
            DiscordSandbox discord,
            SandboxGuard guard,
            SandboxLanguages languages) {
        this.demo = demo;
        this.slack = slack;
        this.discord = discord;
        this.guard = guard;
        this.languages = languages;
    }

    /**
     * The demo as the page shows it, and the token the page sends with every change ({@link SandboxGuard}).
     *
     * @param languages the language each person reads now ({@code en}, {@code fr}, {@code es}), by user id
     */
    record State(
            String status,
            Instant now,
            List<SandboxWorld.Person> people,
            Map<String, String> languages,
            String token) {}

    /** What the page does as someone; {@code menu} names the select menu of a {@code /select}. */
    record Act(
            String platform,
            String user,
            String item,
            String action,
            String text,
            Map<String, String> values,
            String menu) {}

    record Clock(String advance) {}

    /** A person's new language: {@code en}, {@code fr} or {@code es}. */
    record Language(String platform, String user, String language) {}

    @GetMapping("/state")
    State state() {
        return new State(demo.status(), demo.now(), SandboxWorld.PEOPLE, languages.everyone(), guard.token());
    }

    /** Switches the language a person reads, as {@code /rapport language} would: their next messages come in it. */
    @PostMapping("/language")
    Map<String, String> language(@RequestBody Language change) {
        return Map.of("language", languages.set(known(change.platform(), change.user()), change.language()));
    }

    @GetMapping("/screen")
    List<Screen.Item> screen(@RequestParam String platform, @RequestParam String user) {
        return switch (known(platform, user).platform()) {
            case "slack" -> slack.screen(user);
            default -> discord.screen(Long.parseLong(user));
        };
    }

    @PostMapping("/click")
    Map<String, String> click(@RequestBody Act act) {
        if (onSlack(act)) {
            slack.click(act.user(), act.item(), act.action());
        } else {
            discord.click(Long.parseLong(act.user()), id(act.item()), act.action());
        }
        return Map.of("ok", "clicked");
    }

    /** A choice in a select menu (Discord's rating scales); Slack shows none. */
    @PostMapping("/select")
    Map<String, String> select(@RequestBody Act act) {
        if (onSlack(act) || act.menu() == null || act.action() == null) {
            throw new IllegalArgumentException("a choice needs a Discord message, its menu and the option chosen");
        }
        discord.select(Long.parseLong(act.user()), id(act.item()), act.menu(), act.action());
        return Map.of("ok", "chosen");
    }

    @PostMapping("/submit")
    Map<String, String> submit(@RequestBody Act act) {
        Map<String, String> values = act.values() == null ? Map.of() : act.values();
        if (onSlack(act)) {
            slack.submit(act.user(), act.item(), values);
        } else {
            discord.submit(Long.parseLong(act.user()), id(act.item()), values);
        }
        return Map.of("ok", "submitted");
    }

    @PostMapping("/close")
    Map<String, String> close(@RequestBody Act act) {
        if (onSlack(act)) {
            slack.close(act.user(), act.item());
        } else {
            discord.close(id(act.item()));
        }
        return Map.of("ok", "closed");
    }

    @PostMapping("/command")
    Map<String, String> command(@RequestBody Act act) {
        String text = act.text() == null ? "" : act.text().strip();
        if (text.startsWith("/rapport")) {
            text = text.substring("/rapport".length()).strip();
        }
        String reply =
                onSlack(act) ? slack.command(act.user(), text) : discord.command(Long.parseLong(act.user()), text);
        return Map.of("reply", reply);
    }

    @PostMapping("/clock")
    Map<String, Instant> clock(@RequestBody Clock clock) {
        Instant now = switch (clock.advance()) {
            case "next-check-in" -> demo.nextCheckIn();
            default -> demo.advance(duration(clock.advance()));
        };
        return Map.of("now", now);
    }

    @GetMapping("/slack/files/{id}")
    ResponseEntity<byte[]> file(@PathVariable String id) {
        UploadedFile f = slack.file(id)
                .orElseThrow(() -> new IllegalArgumentException(SandboxLanguages.text("sandbox.no-file", "id", id)));
        return ResponseEntity.ok()
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        "attachment; filename=\"" + f.name().replace("\"", "") + "\"")
                .contentType(
                        f.mimetype() == null
                                ? MediaType.APPLICATION_OCTET_STREAM
                                : MediaType.parseMediaType(f.mimetype()))
                .body(f.bytes());
    }

    @GetMapping("/discord/files/{id}")
    ResponseEntity<byte[]> discordFile(@PathVariable String id) {
        dev.rapport.localdiscord.UploadedFile f = discord.file(id(id))
                .orElseThrow(() -> new IllegalArgumentException(SandboxLanguages.text("sandbox.no-file", "id", id)));
        return ResponseEntity.ok()
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        "attachment; filename=\"" + f.filename().replace("\"", "") + "\"")
                .contentType(MediaType.parseMediaType(f.contentType()))
                .body(f.bytes());
    }

    /** Bad input from the page is said plainly, never as a stack trace. */
    @ExceptionHandler({IllegalArgumentException.class, IllegalStateException.class})
    ResponseEntity<Map<String, String>> refused(RuntimeException e) {
        return ResponseEntity.status(HttpStatus.BAD_REQUEST).body(Map.of("error", String.valueOf(e.getMessage())));
    }

    /** Someone in the demo: the page acts only as them. */
    private static SandboxWorld.Person known(String platform, String user) {
        return SandboxWorld.PEOPLE.stream()
                .filter(p -> p.platform().equals(platform) && p.userId().equals(user))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(SandboxLanguages.text(
                        "sandbox.unknown-person", "user", String.valueOf(user), "platform", String.valueOf(platform))));
    }

    private static boolean onSlack(Act act) {
        return known(act.platform(), act.user()).platform().equals("slack");
    }

    private static long id(String item) {
        try {
            return Long.parseLong(item);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    SandboxLanguages.text("sandbox.not-an-id", "value", String.valueOf(item)));
        }
    }

    private static Duration duration(String iso) {
        try {
            Duration d = Duration.parse(iso);
            if (d.isNegative() || d.isZero() || d.compareTo(Duration.ofDays(60)) > 0) {
                throw new IllegalArgumentException(SandboxLanguages.text("sandbox.clock.too-far"));
            }
            return d;
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(
                    SandboxLanguages.text("sandbox.clock.not-a-duration", "value", String.valueOf(iso)));
        }
    }
}
