package dev.rapport.core.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.core.i18n.UserFacingLiterals.Offender;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * No text a person reads is left in Java: every prose-like string literal and text block of the main sources of the
 * modules that talk to people is refused unless it is a log line, SQL, a programmer-error message, an annotation's
 * attribute or one of the few reasoned {@link UserFacingLiterals#ALLOWED} entries. One test per package, so a failure
 * names the package; each offending literal is printed as {@code file:line: "literal"}.
 */
class UserFacingLiteralsTest {

    /** The modules whose main sources are scanned, from the project root. */
    static final List<String> SOURCE_ROOTS = List.of(
            "bot-core/src/main/java",
            "slack-adapter/src/main/java",
            "discord-adapter/src/main/java",
            "sandbox/src/main/java");

    /** The project root: tests run in bot-core. */
    static final Path ROOT = Path.of("..");

    @TestFactory
    Stream<DynamicTest> noUserFacingEnglishInJava() throws IOException {
        UserFacingLiterals guard = new UserFacingLiterals();
        Map<String, List<Offender>> byPackage = new TreeMap<>();
        for (String root : SOURCE_ROOTS) {
            Path dir = ROOT.resolve(root);
            assertThat(dir).as("a scanned source root").isDirectory();
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java"))
                        .sorted()
                        .toList()) {
                    String name = ROOT.relativize(file).toString().replace('\\', '/');
                    String pkg = root.substring(0, root.indexOf('/')) + " "
                            + dir.relativize(file.getParent()).toString().replace('/', '.');
                    byPackage
                            .computeIfAbsent(pkg, k -> new java.util.ArrayList<>())
                            .addAll(guard.scan(name, read(file)));
                }
            }
        }
        assertThat(byPackage).as("packages scanned").hasSizeGreaterThan(10);
        return byPackage.entrySet().stream()
                .map(e -> DynamicTest.dynamicTest(e.getKey(), () -> {
                    List<Offender> offenders = e.getValue();
                    assertThat(offenders)
                            .as(
                                    "English a person reads, written in Java (put it in the catalogue, i18n/*.properties):\n"
                                            + offenders.stream()
                                                    .map(Offender::toString)
                                                    .collect(Collectors.joining("\n")))
                            .isEmpty();
                }));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
