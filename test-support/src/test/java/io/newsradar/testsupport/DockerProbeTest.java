package io.newsradar.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DockerProbeTest {

    @TempDir
    Path home;

    @Test
    void shouldSeeNoEngineWithoutSocketHostOrConfig() {
        List<Path> sockets = List.of(home.resolve("docker.sock"));

        assertThat(DockerProbe.hasEngineHint(Map.of(), sockets, home)).isFalse();
    }

    @Test
    void shouldSeeAnEngineHintInDockerHost() {
        assertThat(DockerProbe.hasEngineHint(Map.of("DOCKER_HOST", "tcp://10.0.0.5:2375"), List.of(), home))
                .isTrue();
    }

    @Test
    void shouldSeeAnEngineHintInAnExistingSocket() throws Exception {
        Path socket = Files.createFile(home.resolve("docker.sock"));

        assertThat(DockerProbe.hasEngineHint(Map.of(), List.of(socket), home)).isTrue();
    }

    @Test
    void shouldSeeAnEngineHintInATestcontainersConfig() throws Exception {
        Files.writeString(home.resolve(".testcontainers.properties"), "docker.host=tcp://10.0.0.5:2375\n");

        assertThat(DockerProbe.hasEngineHint(Map.of(), List.of(), home)).isTrue();
    }

    @Test
    void shouldLookForRootlessDockerInTheRuntimeDir() {
        List<Path> sockets = DockerProbe.knownSockets(Map.of("XDG_RUNTIME_DIR", "/run/user/1000"), home);

        assertThat(sockets)
                .contains(
                        Path.of("/run/user/1000/docker.sock"),
                        Path.of("/var/run/docker.sock"),
                        home.resolve(".docker/run/docker.sock"));
    }
}
