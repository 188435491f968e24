package io.newsradar.testsupport;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides whether a Docker engine is there without making a machine that has none wait or log
 * Testcontainers' connection errors: first a look for any sign of an engine (DOCKER_HOST, a
 * Testcontainers config, a known socket file); only with such a sign is Testcontainers asked,
 * and then with a time limit.
 */
final class DockerProbe {

    private static final Logger LOG = LoggerFactory.getLogger(DockerProbe.class);
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(20);

    private DockerProbe() {}

    static boolean dockerAvailable() {
        List<Path> sockets = knownSockets(System.getenv(), Path.of(System.getProperty("user.home")));
        if (!hasEngineHint(System.getenv(), sockets, Path.of(System.getProperty("user.home")))) {
            LOG.debug("no Docker socket, DOCKER_HOST or Testcontainers config: not asking Testcontainers");
            return false;
        }
        // Testcontainers classes are loaded only past this point
        CompletableFuture<Boolean> probe = CompletableFuture.supplyAsync(ContainerBroker::dockerAvailable);
        try {
            return probe.get(PROBE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            probe.cancel(true);
            LOG.warn(
                    "Docker probe gave no answer within {} ({}): using the in-process broker",
                    PROBE_TIMEOUT,
                    e.toString());
            return false;
        }
    }

    /** True when anything suggests a Docker engine may answer; false means: certainly none configured. */
    static boolean hasEngineHint(Map<String, String> env, List<Path> sockets, Path home) {
        String dockerHost = env.get("DOCKER_HOST");
        if (dockerHost != null && !dockerHost.isBlank()) {
            return true;
        }
        // a user Testcontainers config may name a host or a strategy we cannot second-guess
        if (Files.exists(home.resolve(".testcontainers.properties"))) {
            return true;
        }
        return sockets.stream().anyMatch(Files::exists);
    }

    /** Where Docker, rootless Docker, Docker Desktop, Colima, Rancher Desktop and Podman put their sockets. */
    static List<Path> knownSockets(Map<String, String> env, Path home) {
        List<Path> sockets = new ArrayList<>(List.of(
                Path.of("/var/run/docker.sock"),
                Path.of("/run/docker.sock"),
                Path.of("/run/podman/podman.sock"),
                home.resolve(".docker/run/docker.sock"),
                home.resolve(".docker/desktop/docker.sock"),
                home.resolve(".colima/default/docker.sock"),
                home.resolve(".colima/docker.sock"),
                home.resolve(".rd/docker.sock")));
        String runtimeDir = env.get("XDG_RUNTIME_DIR");
        if (runtimeDir != null && !runtimeDir.isBlank()) {
            sockets.add(Path.of(runtimeDir, "docker.sock"));
            sockets.add(Path.of(runtimeDir, "podman/podman.sock"));
        }
        return sockets;
    }
}
