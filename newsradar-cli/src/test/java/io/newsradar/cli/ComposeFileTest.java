package io.newsradar.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsradar.http.EmbeddedHttpServer;
import io.newsradar.http.HttpSettings;
import io.newsradar.ingest.IngestHttp;
import io.newsradar.schemas.config.NewsradarConfig;
import io.newsradar.schemas.topics.TopicDef;
import io.newsradar.schemas.topics.Topics;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.kafka.common.Uuid;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * docker-compose.yml against the code: the services' settings are keys the code reads, their
 * commands parse as real subcommands, their HTTP ports agree with the port mappings and
 * Prometheus' targets, and topic-init creates the topic catalogue. (The file's syntax is
 * docker-compose's to check: .ci/validate-compose.)
 */
class ComposeFileTest {
    private static final String HTTP_PORT_ENV = "NEWSRADAR_HTTP_PORT";

    @Test
    void shouldRunTheThreeServicesFromTheNewsradarImage() {
        Map<String, String> subcommands = new TreeMap<>();
        ComposeStack.newsradarServices()
                .forEach((name, service) ->
                        subcommands.put(name, command(service).get(0)));

        assertThat(subcommands)
                .containsOnly(Map.entry("ingest", "ingest"), Map.entry("scoring", "score"), Map.entry("sink", "sink"));
    }

    @Test
    void shouldSetOnlyConfigurationKeysTheCodeReads() {
        List<String> problems = new ArrayList<>();
        var known = ComposeConfigKeys.known();
        ComposeStack.newsradarServices()
                .forEach((name, service) -> ComposeStack.environment(service)
                        .keySet()
                        .forEach(env -> {
                            Optional<String> key = ComposeConfigKeys.keyOf(env);
                            if (key.isEmpty()) {
                                problems.add(name + ": " + env + " is no NEWSRADAR_* setting");
                            } else if (key.get().startsWith(NewsradarConfig.KAFKA_PREFIX)) {
                                String client = key.get().substring(NewsradarConfig.KAFKA_PREFIX.length());
                                if (!ComposeConfigKeys.isKafkaClientSetting(client)) {
                                    problems.add(name + ": " + env + " sets " + key.get()
                                            + ", and no Kafka client knows " + client);
                                }
                            } else if (!known.contains(key.get())) {
                                problems.add(
                                        name + ": " + env + " sets " + key.get() + ", which the code does not read");
                            }
                        }));

        assertThat(problems).isEmpty();
    }

    @Test
    void shouldKnowTheKeysTheServicesRead() {
        // the collection itself must find keys, or the test above would pass on nothing
        assertThat(ComposeConfigKeys.known())
                .contains(
                        NewsradarConfig.BOOTSTRAP_SERVERS,
                        NewsradarConfig.STATE_DIR,
                        NewsradarConfig.SINK_FILE,
                        HttpSettings.PORT,
                        "ingest.instance.id",
                        "stories.window")
                .doesNotContain("scoring.no.such.key");
        assertThat(ComposeConfigKeys.keyOf("NEWSRADAR_SCORING_STATE_DIR")).contains(NewsradarConfig.STATE_DIR);
        assertThat(ComposeConfigKeys.isKafkaClientSetting("bootstrap.servers")).isTrue();
        assertThat(ComposeConfigKeys.isKafkaClientSetting("bootstrap.server")).isFalse();
    }

    @Test
    void shouldParseEveryCommandAsARealSubcommandWithRealOptions() {
        ComposeStack.newsradarServices().forEach((name, service) -> {
            List<String> args = command(service);
            assertThatCode(() -> Newsradar.commandLine().parseArgs(args.toArray(String[]::new)))
                    .as("command of service %s: %s", name, args)
                    .doesNotThrowAnyException();
        });
        CommandLine.ParseResult ingest = Newsradar.commandLine()
                .parseArgs(command(ComposeStack.services().path("ingest")).toArray(String[]::new));
        // without --serve, ingest publishes its inputs and exits: the container would stop
        assertThat(ingest.subcommand().hasMatchedOption("--serve")).isTrue();
    }

    @Test
    void shouldFindEveryFileACommandNamesInTheServicesMounts() {
        ComposeStack.newsradarServices()
                .forEach((name, service) -> command(service).stream()
                        .filter(arg -> arg.startsWith("/etc/"))
                        .forEach(arg -> assertThat(ComposeStack.hostPath(service, arg))
                                .as("service %s: %s comes from a bind mount", name, arg)
                                .hasValueSatisfying(p -> assertThat(p).isRegularFile())));
    }

    @Test
    void shouldPublishAndScrapeEachServiceOnItsHttpPort() {
        Map<String, List<String>> targets = ComposeStack.scrapeTargets();
        Map<String, String> expectedTargets = new LinkedHashMap<>();
        ComposeStack.newsradarServices().forEach((name, service) -> {
            int port = httpPort(name, service);
            assertThat(ComposeStack.strings(service.path("ports")))
                    .as("port mappings of %s", name)
                    .anySatisfy(p -> assertThat(containerPort(p)).isEqualTo(port));
            expectedTargets.put(name, name + ":" + port);
        });

        List<String> allTargets =
                targets.values().stream().flatMap(List::stream).toList();
        assertThat(allTargets).containsExactlyInAnyOrderElementsOf(expectedTargets.values());
    }

    @Test
    void shouldCheckHealthAndReadinessOfEachServiceOnItsHttpPortWithAToolOfTheImage() throws IOException {
        ComposeStack.newsradarServices().forEach((name, service) -> {
            int port = httpPort(name, service);
            // compose turns $$ into $: the container's shell expands the service's own variable
            String check = String.join(
                            " ",
                            ComposeStack.strings(service.path("healthcheck").path("test")))
                    .replace(
                            "$${" + HTTP_PORT_ENV + "}",
                            ComposeStack.environment(service).getOrDefault(HTTP_PORT_ENV, "unset"));
            assertThat(check)
                    .as("healthcheck of %s", name)
                    .containsPattern(url(port, EmbeddedHttpServer.HEALTH_PATH))
                    .containsPattern(url(port, EmbeddedHttpServer.READY_PATH))
                    // -f: an HTTP error (503 not ready) fails the check
                    .contains("curl -fsS");
        });
        // curl comes with the eclipse-temurin Ubuntu images, not with alpine or distroless ones
        String dockerfile = Files.readString(ComposeStack.ROOT.resolve(ComposeStack.NEWSRADAR_DOCKERFILE));
        assertThat(dockerfile).containsPattern("JRE_IMAGE=eclipse-temurin:[0-9._]+-jre-jammy");
    }

    @Test
    void shouldReachTheBrokerWhereItAdvertisesItself() {
        Map<String, String> broker =
                ComposeStack.environment(ComposeStack.services().path("kafka"));
        String plaintext = Arrays.stream(
                        broker.get("KAFKA_ADVERTISED_LISTENERS").split(","))
                .filter(l -> l.startsWith("PLAINTEXT://"))
                .map(l -> l.substring("PLAINTEXT://".length()))
                .findFirst()
                .orElseThrow();
        ComposeStack.newsradarServices()
                .forEach((name, service) -> assertThat(
                                ComposeStack.environment(service).get("NEWSRADAR_KAFKA_BOOTSTRAP_SERVERS"))
                        .as("bootstrap servers of %s", name)
                        .isEqualTo(plaintext));
        // the README's advice: topics come from the admin step, never from a stray client
        assertThat(broker).containsEntry("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "false");
        // formatting the storage refuses anything but a base64 UUID
        assertThatCode(() -> Uuid.fromString(broker.get("CLUSTER_ID"))).doesNotThrowAnyException();
    }

    @Test
    void shouldCreateTheWholeTopicCatalogueWithTheServicesPartitionsAndReplication() throws IOException {
        Map<String, Map<String, String>> expected = new TreeMap<>();
        for (TopicDef<?, ?> t : Topics.all()) {
            expected.put(t.name(), t.creationConfigs());
        }
        Map<String, Map<String, String>> listed = new TreeMap<>();
        for (String line : Files.readAllLines(ComposeStack.TOPICS_FILE)) {
            String l = line.strip();
            if (l.isEmpty() || l.startsWith("#")) {
                continue;
            }
            String[] parts = l.split("\\s+");
            Map<String, String> configs = Arrays.stream(parts[1].split(","))
                    .map(c -> c.split("=", 2))
                    .collect(Collectors.toMap(kv -> kv[0], kv -> kv[1]));
            listed.put(parts[0], configs);
        }
        assertThat(listed).isEqualTo(expected);

        Map<String, String> init =
                ComposeStack.environment(ComposeStack.services().path("topic-init"));
        ComposeStack.newsradarServices().forEach((name, service) -> {
            Map<String, String> env = ComposeStack.environment(service);
            assertThat(env.get("NEWSRADAR_TOPICS_PARTITIONS")).as(name).isEqualTo(init.get("TOPIC_PARTITIONS"));
            assertThat(env.get("NEWSRADAR_TOPICS_REPLICATION_FACTOR"))
                    .as(name)
                    .isEqualTo(init.get("TOPIC_REPLICATION"));
        });
    }

    /** The whole URL: {@code /readyz} is no {@code /ready}. */
    private static Pattern url(int port, String path) {
        return Pattern.compile(Pattern.quote("http://localhost:" + port + path) + "(?![\\w/.-])");
    }

    private static List<String> command(JsonNode service) {
        return ComposeStack.strings(service.path("command"));
    }

    /** The port the service's HTTP server takes: its http.port setting, else the service's default. */
    private static int httpPort(String name, JsonNode service) {
        String set = ComposeStack.environment(service).get(HTTP_PORT_ENV);
        if (set != null) {
            return Integer.parseInt(set);
        }
        assertThat(command(service).get(0))
                .as("service %s sets no %s and has no default port", name, HTTP_PORT_ENV)
                .isEqualTo("ingest");
        return IngestHttp.DEFAULT_PORT;
    }

    /** {@code "8081:8081"}, {@code "127.0.0.1:8081:8081"} or {@code "8081"}: the container side. */
    private static int containerPort(String mapping) {
        String[] parts = mapping.split(":");
        return Integer.parseInt(parts[parts.length - 1].split("/")[0]);
    }
}
