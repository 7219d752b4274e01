package dev.rapport.systemtest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The checkout the harness runs in, and the application jar it deploys: {@code app/target/rapport.jar}, the one the
 * README's deploy runs, or the jar named by the system property {@code rapport.app.jar}.
 *
 * @param root the directory of the root {@code pom.xml}
 */
public record Project(Path root) {

    /** The checkout that holds the working directory (a module's directory, as in the build, or the root). */
    public static Project find() {
        Path dir = Path.of("").toAbsolutePath();
        for (Path d = dir; d != null; d = d.getParent()) {
            if (Files.isRegularFile(d.resolve("pom.xml")) && Files.isRegularFile(d.resolve("app/pom.xml"))) {
                return new Project(d);
            }
        }
        throw new IllegalStateException("No Rapport checkout (a pom.xml beside app/pom.xml) at or above " + dir);
    }

    /**
     * The application jar, checked to exist and to hold the modules as they are built now.
     *
     * @throws IllegalStateException if it is missing, or holds other builds of the modules than their target directories
     */
    public Path applicationJar() {
        String given = System.getProperty("rapport.app.jar");
        Path jar = given == null
                ? root.resolve("app/target/rapport.jar")
                : Path.of(given).toAbsolutePath();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " does not exist: build it first (./mvnw -pl app -am package)");
        }
        List<String> stale = staleModules(jar);
        if (!stale.isEmpty()) {
            // Packaged against older builds of the modules (say, `-pl app` alone, from the local repository): these
            // tests would prove old code.
            throw new IllegalStateException(jar + " holds other builds of " + stale + " than those in their target"
                    + " directories, so it would run other code than this checkout's. Package it with its modules:"
                    + " ./mvnw -pl app -am package -DskipTests");
        }
        return jar;
    }

    /**
     * A copy of the {@linkplain #applicationJar() application jar} in {@code directory}, made once and reused while
     * the original's content is unchanged: a process runs from its copy, so a build that rewrites {@code app/target/rapport.jar}
     * meanwhile cannot pull classes from under it (a running Spring Boot jar loads its classes lazily from the file).
     */
    public Path applicationJarCopy(Path directory) {
        Path jar = applicationJar();
        Path copy = directory.resolve("rapport.jar");
        try {
            Files.createDirectories(directory);
            // By content: a repackaged jar may keep its size and its time stamp.
            if (!Files.exists(copy) || Files.size(copy) != Files.size(jar) || crc(copy) != crc(jar)) {
                Path partial = directory.resolve("rapport.jar.partial");
                Files.copy(jar, partial, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
                Files.move(partial, copy, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
            return copy;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot copy " + jar + " to " + copy, e);
        }
    }

    /** The project's modules whose jar in {@code <module>/target} differs from the copy inside the application jar. */
    private List<String> staleModules(Path jar) {
        List<String> stale = new ArrayList<>();
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                String name = entry.getName();
                if (!name.startsWith("BOOT-INF/lib/") || !name.endsWith(".jar")) {
                    continue;
                }
                String file = name.substring("BOOT-INF/lib/".length());
                Path built = moduleJar(file);
                if (built != null && entry.getCrc() != -1 && entry.getCrc() != crc(built)) {
                    stale.add(root.relativize(built).toString());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + jar, e);
        }
        return stale;
    }

    /**
     * The jar a module's last build made for {@code file} ({@code bot-core-0.1.0-SNAPSHOT.jar}): in that module's
     * {@code target}, under the artifact's name or the module's own final name ({@code local-slack.jar}), the newer if
     * both are there; null for a library that is not one of the project's modules.
     */
    private Path moduleJar(String file) {
        try (var modules = Files.list(root)) {
            return modules.filter(m -> file.startsWith(m.getFileName() + "-"))
                    .flatMap(m -> Stream.of(
                            m.resolve("target").resolve(file),
                            m.resolve("target").resolve(m.getFileName() + ".jar")))
                    .filter(Files::isRegularFile)
                    .max(Comparator.comparing(Project::modified))
                    .orElse(null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static FileTime modified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long crc(Path file) {
        CRC32 crc = new CRC32();
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                crc.update(buffer, 0, n);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return crc.getValue();
    }
}
