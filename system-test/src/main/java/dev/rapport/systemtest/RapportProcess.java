package dev.rapport.systemtest;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.awaitility.core.ConditionTimeoutException;

/**
 * One process of the assembled application, started as the README's deploy runs it: {@code java -jar rapport.jar},
 * configured through the environment only.
 */
public final class RapportProcess implements AutoCloseable {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final ChildProcess process;
    private final int managementPort;

    private RapportProcess(ChildProcess process, int managementPort) {
        this.process = process;
        this.managementPort = managementPort;
    }

    /**
     * Starts {@code jar} as {@code name}, with its output in {@code logs/<name>.out}: the environment is {@code
     * environment} plus free ports for the web server and the management server (health), on top of this JVM's
     * environment without its {@code RAPPORT_*}, {@code SERVER_*}, {@code MANAGEMENT_*} and {@code SPRING_*} settings.
     */
    public static RapportProcess start(String name, Path jar, Map<String, String> environment, Path logs) {
        int managementPort = freePort();
        Map<String, String> env = new HashMap<>(ChildProcess.baseEnvironment());
        env.putAll(environment);
        env.put("SERVER_PORT", Integer.toString(freePort()));
        env.put("MANAGEMENT_SERVER_PORT", Integer.toString(managementPort));
        ChildProcess process =
                ChildProcess.start(name, List.of(ChildProcess.java(), "-jar", jar.toString()), env, logs, false);
        return new RapportProcess(process, managementPort);
    }

    /** Waits until {@code /actuator/health/readiness} says UP: the database, the scheduler and the platform. */
    public void awaitReady(Duration timeout) {
        try {
            await("readiness of " + process.name())
                    .atMost(timeout)
                    .pollInterval(Duration.ofMillis(250))
                    .until(() -> {
                        if (!process.alive()) {
                            throw new IllegalStateException(
                                    process.name() + " exited while starting: " + ChildProcess.tail(process.stdout()));
                        }
                        return ready();
                    });
        } catch (ConditionTimeoutException e) {
            throw new IllegalStateException(
                    process.name() + " was not ready within " + timeout + ": " + ChildProcess.tail(process.stdout()),
                    e);
        }
    }

    private boolean ready() {
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + managementPort + "/actuator/health/readiness"))
                .timeout(Duration.ofSeconds(5))
                .build();
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    public String name() {
        return process.name();
    }

    public long pid() {
        return process.pid();
    }

    public boolean alive() {
        return process.alive();
    }

    /** Its log (standard output and error are separate files beside it). */
    public Path log() {
        return process.stdout();
    }

    /** SIGKILL, mid-send: no shutdown hook, no goodbye, no rows given back. */
    public void kill() {
        process.kill();
    }

    /** Kills it if it still runs: the harness never leaves one behind, and a graceful stop is not what it tests. */
    @Override
    public void close() {
        process.kill();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("No free port", e);
        }
    }
}
