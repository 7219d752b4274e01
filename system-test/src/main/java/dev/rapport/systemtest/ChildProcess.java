package dev.rapport.systemtest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A process the harness started, with its output in files. Every one is killed when the harness closes it, and at
 * the latest when this JVM exits normally; the local platforms also stop by themselves when their standard input
 * closes, which happens even if this JVM is killed.
 */
final class ChildProcess implements AutoCloseable {

    private final String name;
    private final Process process;
    private final Path stdout;
    private final Path stderr;
    private final Thread reaper;
    private final CompletableFuture<String> firstLine = new CompletableFuture<>();

    private ChildProcess(String name, Process process, Path stdout, Path stderr) {
        this.name = name;
        this.process = process;
        this.stdout = stdout;
        this.stderr = stderr;
        this.reaper = new Thread(process::destroyForcibly, "kill-" + name);
        Runtime.getRuntime().addShutdownHook(reaper);
    }

    /**
     * Starts {@code command} with its standard output and error in {@code logs/<name>.out} and {@code .err}, its
     * standard input an open pipe, and {@code environment} as its whole environment.
     *
     * @param readsFirstLine whether the process announces itself on the first line of its standard output (the local
     *     platforms do): it is then read through a pipe, kept for {@link #firstLine}, and the rest copied to the file
     */
    static ChildProcess start(
            String name, List<String> command, Map<String, String> environment, Path logs, boolean readsFirstLine) {
        try {
            Files.createDirectories(logs);
            Path out = logs.resolve(name + ".out");
            Path err = logs.resolve(name + ".err");
            ProcessBuilder builder = new ProcessBuilder(command).redirectError(err.toFile());
            builder.environment().clear();
            builder.environment().putAll(environment);
            if (!readsFirstLine) {
                builder.redirectOutput(out.toFile());
            }
            Files.writeString(logs.resolve(name + ".command"), String.join(" ", command) + "\n");
            ChildProcess child = new ChildProcess(name, builder.start(), out, err);
            if (readsFirstLine) {
                Thread.ofPlatform().daemon().name("stdout-" + name).start(child::copyOutput);
            } else {
                child.firstLine.complete("");
            }
            return child;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start " + name + ": " + String.join(" ", command), e);
        }
    }

    /** Copies standard output to its file, keeping the first line; the pipe must be drained or the process blocks. */
    private void copyOutput() {
        try (BufferedReader in =
                        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                Writer file = Files.newBufferedWriter(stdout)) {
            for (String line; (line = in.readLine()) != null; ) {
                firstLine.complete(line);
                file.write(line);
                file.write('\n');
                file.flush();
            }
        } catch (IOException e) {
            // The process is gone; whatever it said is in the file.
        }
        firstLine.completeExceptionally(new IllegalStateException(name + " ended without a line on standard output"));
    }

    /** The first line of standard output, waiting up to {@code timeout} for it. */
    String firstLine(Duration timeout) {
        try {
            return firstLine.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            throw new IllegalStateException(
                    name + " did not announce itself within " + timeout + "; its errors: " + tail(stderr), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    String name() {
        return name;
    }

    long pid() {
        return process.pid();
    }

    boolean alive() {
        return process.isAlive();
    }

    Path stdout() {
        return stdout;
    }

    Path stderr() {
        return stderr;
    }

    /** SIGKILL: the process gets no chance to clean up, as when a machine or a container is killed. */
    void kill() {
        process.destroyForcibly();
        awaitExit(Duration.ofSeconds(30));
    }

    /** Closes standard input (the local platforms stop on it), waits briefly, then kills whatever is left. */
    @Override
    public void close() {
        try {
            OutputStream in = process.getOutputStream();
            in.close();
        } catch (IOException e) {
            // Already closed: the process is on its way out.
        }
        if (!awaitExit(Duration.ofSeconds(5))) {
            kill();
        }
        try {
            Runtime.getRuntime().removeShutdownHook(reaper);
        } catch (IllegalStateException e) {
            // The JVM is shutting down: the hook runs anyway, and the process is already gone.
        }
    }

    private boolean awaitExit(Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The last lines of a log, for a failure message. */
    static String tail(Path log) {
        try {
            if (!Files.exists(log)) {
                return "(no " + log + ")";
            }
            // Decoded leniently: a log cut off mid-character by SIGKILL is still worth reading.
            List<String> lines = new String(Files.readAllBytes(log), StandardCharsets.UTF_8)
                    .lines()
                    .toList();
            return log + ":\n" + String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(" + log + " unreadable: " + e + ")";
        }
    }

    /** {@code java} from the JDK this JVM runs on. */
    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** This JVM's environment without the settings the harness gives each child itself. */
    static Map<String, String> baseEnvironment() {
        Map<String, String> env = new java.util.HashMap<>(System.getenv());
        List<String> drop = new ArrayList<>();
        for (String key : env.keySet()) {
            if (key.startsWith("RAPPORT_")
                    || key.startsWith("SERVER_")
                    || key.startsWith("MANAGEMENT_")
                    || key.startsWith("SPRING_")
                    || key.equals("JAVA_TOOL_OPTIONS")) {
                drop.add(key);
            }
        }
        drop.forEach(env::remove);
        return env;
    }
}
