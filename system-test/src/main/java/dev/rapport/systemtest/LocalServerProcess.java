package dev.rapport.systemtest;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.rapport.localkit.Faults;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import org.java_websocket.server.WebSocketServer;
import org.slf4j.LoggerFactory;

/**
 * A local platform server (local Slack, local Discord) run as a process of its own: started with its main class, it
 * prints one JSON line saying where it listens and how to control it; its people and the messages they received are
 * read through its control API. The two platforms differ only in their arguments and in how they name things.
 */
abstract sealed class LocalServerProcess implements LocalPlatform permits LocalSlackProcess, LocalDiscordProcess {

    private final ChildProcess process;
    protected final ControlClient control;
    protected final JsonObject started;
    private final List<String> userIds;

    protected LocalServerProcess(ChildProcess process, JsonObject started) {
        this.process = process;
        this.started = started;
        this.control = new ControlClient(started.get("control_url").getAsString());
        this.userIds = control.all("users", "users").stream()
                .map(u -> u.get("id").getAsString())
                .toList();
    }

    /**
     * Starts {@code main} with {@code arguments}, its output in {@code logs/<name>.*}; waits for its first line and
     * makes the platform of it. The process is stopped if that fails.
     */
    protected static <P extends LocalServerProcess> P start(
            String name,
            Class<?> main,
            List<String> arguments,
            Path logs,
            BiFunction<ChildProcess, JsonObject, P> platform) {
        List<String> command = new ArrayList<>(List.of(
                ChildProcess.java(),
                "-cp",
                // The server, local-kit (which both local platforms are built on) and their libraries.
                Classpath.of(main, Faults.class, Gson.class, WebSocketServer.class, LoggerFactory.class),
                main.getName()));
        command.addAll(arguments);
        ChildProcess process = ChildProcess.start(name, command, ChildProcess.baseEnvironment(), logs, true);
        try {
            JsonObject line = JsonParser.parseString(process.firstLine(Duration.ofSeconds(60)))
                    .getAsJsonObject();
            return platform.apply(process, line);
        } catch (RuntimeException e) {
            process.close();
            throw e;
        }
    }

    @Override
    public List<String> userIds() {
        return userIds;
    }

    @Override
    public long delivered() {
        return control.total("dms");
    }

    @Override
    public String logs() {
        return process.stdout() + ", " + process.stderr();
    }

    @Override
    public void close() {
        process.close();
    }
}
