package io.newsradar.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The repository's docker-compose.yml and Prometheus config, read as plain YAML trees for the
 * tests that hold them against the code (no Docker engine runs where the tests do).
 */
final class ComposeStack {
    /** Tests run in newsradar-cli; the stack's files are at the repository root. */
    static final Path ROOT = Path.of("..");

    static final Path COMPOSE_FILE = ROOT.resolve("docker-compose.yml");
    static final Path PROMETHEUS_CONFIG = ROOT.resolve("docker/prometheus/prometheus.yml");
    static final Path RULES_DIR = ROOT.resolve("docker/prometheus/rules");
    static final Path TOPICS_FILE = ROOT.resolve("docker/kafka/topics");

    /** The one Dockerfile the newsradar services are built from. */
    static final String NEWSRADAR_DOCKERFILE = "docker/newsradar/Dockerfile";

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private ComposeStack() {}

    static JsonNode readYaml(Path file) {
        try {
            return YAML.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    static JsonNode services() {
        return readYaml(COMPOSE_FILE).path("services");
    }

    /** The services built from the newsradar Dockerfile, by compose service name. */
    static Map<String, JsonNode> newsradarServices() {
        Map<String, JsonNode> found = new LinkedHashMap<>();
        services().fields().forEachRemaining(e -> {
            if (NEWSRADAR_DOCKERFILE.equals(
                    e.getValue().path("build").path("dockerfile").asText())) {
                found.put(e.getKey(), e.getValue());
            }
        });
        return found;
    }

    /** A service's environment, in either of compose's two forms (map or list of NAME=value). */
    static Map<String, String> environment(JsonNode service) {
        Map<String, String> env = new LinkedHashMap<>();
        JsonNode node = service.path("environment");
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> env.put(e.getKey(), e.getValue().asText()));
        } else if (node.isArray()) {
            node.forEach(item -> {
                String s = item.asText();
                int eq = s.indexOf('=');
                env.put(eq < 0 ? s : s.substring(0, eq), eq < 0 ? "" : s.substring(eq + 1));
            });
        }
        return env;
    }

    static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    /** The host file behind a container path, through the service's bind mounts ({@code ./host:/container[:ro]}). */
    static Optional<Path> hostPath(JsonNode service, String containerPath) {
        for (String volume : strings(service.path("volumes"))) {
            String[] parts = volume.split(":");
            if (parts.length >= 2 && parts[0].startsWith("./") && containerPath.startsWith(parts[1] + "/")) {
                return Optional.of(
                        ROOT.resolve(parts[0].substring(2)).resolve(containerPath.substring(parts[1].length() + 1)));
            }
        }
        return Optional.empty();
    }

    /** Every {@code host:port} target of every scrape job, by job name. */
    static Map<String, List<String>> scrapeTargets() {
        Map<String, List<String>> targets = new LinkedHashMap<>();
        readYaml(PROMETHEUS_CONFIG).path("scrape_configs").forEach(job -> {
            List<String> list = new ArrayList<>();
            job.path("static_configs").forEach(c -> list.addAll(strings(c.path("targets"))));
            targets.put(job.path("job_name").asText(), list);
        });
        return targets;
    }
}
