package io.newsradar.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

import io.newsradar.avro.Alert;
import io.newsradar.schemas.config.NewsradarConfig;
import io.newsradar.schemas.topics.TopicDef;
import io.newsradar.schemas.topics.Topics;
import io.newsradar.sink.SinkSettings;
import io.newsradar.testsupport.TestKafka;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code newsradar sink} as a user runs it: stopped by SIGTERM in a JVM of its own, and the exit
 * codes of a cluster it cannot reach and a file it cannot write.
 */
@Tag("integration")
class SinkCommandIntegrationTest {
    private static final Pattern HTTP_BANNER = Pattern.compile("HTTP at http://127\\.0\\.0\\.1:(\\d+)/");
    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    private final List<Process> started = new ArrayList<>();

    @AfterEach
    void stopChildren() throws InterruptedException {
        for (Process process : started) {
            if (process.isAlive()) {
                process.destroyForcibly();
                process.waitFor(30, TimeUnit.SECONDS);
            }
        }
    }

    @Test
    void shouldCommitAndLeaveTheGroupBeforeTheJvmExitsOnSigterm() throws Exception {
        String run = TestKafka.uniqueId("sink-cmd");
        String group = run + "-group";
        List<RecordMetadata> written = publishAlerts(run, 2);
        Path file = dir.resolve("alerts.jsonl");
        Process sink = startSinkProcess(configFile(group, Map.of()), "--file", file.toString());

        await().atMost(WAIT).until(() -> linesMentioning(file, run) == 2);
        await().atMost(WAIT).until(() -> committedPastEveryRecord(group, written));
        // its HTTP server, on the port it printed: at least this run's deliveries (the shared
        // broker's alert topic may hold other tests' alerts, which this new group reads too)
        Matcher banner = await().atMost(WAIT)
                .until(
                        () -> HTTP_BANNER.matcher(Files.readString(dir.resolve("sink.out"), StandardCharsets.UTF_8)),
                        Matcher::find);
        Scrape metrics = Scrape.of(Integer.parseInt(banner.group(1)));
        assertThat(metrics.value(
                                "newsradar_sink_deliveries_total",
                                "destination",
                                "file:" + file,
                                "outcome",
                                "delivered")
                        .orElseThrow())
                .isGreaterThanOrEqualTo(2.0);
        assertThat(metrics.value("newsradar_sink_alerts_received_total", "route", Topics.DEFENSE_AI_ROUTE)
                        .orElseThrow())
                .isGreaterThanOrEqualTo(2.0);

        sink.destroy(); // SIGTERM, as a supervisor or Ctrl-C stops it
        assertThat(sink.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS))
                .as("the sink exits on SIGTERM")
                .isTrue();

        assertThat(sink.exitValue()).as("killed by SIGTERM (128 + 15)").isEqualTo(143);
        assertThat(describeGroup(group).members())
                .as("the sink left its group on the way out: a new sink gets the partitions at once, "
                        + "not after the session timeout")
                .isEmpty();
        assertThat(committedPastEveryRecord(group, written)).isTrue();
        assertThat(linesMentioning(file, run)).as("nothing delivered twice").isEqualTo(2);
    }

    @Test
    void shouldExitWithTheInfrastructureCodeNamingTheServersWhenTheClusterDoesNotAnswer() throws Exception {
        String unreachable = "127.0.0.1:" + freePort();
        StringWriter err = new StringWriter();
        CommandLine cl = Newsradar.commandLine();
        cl.setErr(new PrintWriter(err, true));

        int code = cl.execute(
                "sink",
                "--config",
                configFile(TestKafka.uniqueId("sink-cmd-group"), Map.of(SinkSettings.STARTUP_TIMEOUT_MS, "2000"))
                        .toString(),
                "-b",
                unreachable,
                "--file",
                dir.resolve("alerts.jsonl").toString());

        assertThat(code).isEqualTo(ExitCodes.INFRASTRUCTURE);
        assertThat(err.toString()).contains(unreachable).contains("2 s");
    }

    @Test
    void shouldExitWithTheInfrastructureCodeNamingTheServersWhenNoneResolves() throws Exception {
        // .invalid never resolves (RFC 6761)
        String unresolvable = "no-such-broker.invalid:9092";
        StringWriter err = new StringWriter();
        CommandLine cl = Newsradar.commandLine();
        cl.setErr(new PrintWriter(err, true));

        int code = cl.execute(
                "sink",
                "--config",
                configFile(TestKafka.uniqueId("sink-cmd-group"), Map.of(SinkSettings.STARTUP_TIMEOUT_MS, "2000"))
                        .toString(),
                "-b",
                unresolvable,
                "--file",
                dir.resolve("alerts.jsonl").toString());

        assertThat(code).isEqualTo(ExitCodes.INFRASTRUCTURE);
        assertThat(err.toString()).contains(unresolvable);
    }

    @Test
    void shouldKeepExitCodeOneForBadConfiguration() throws Exception {
        StringWriter err = new StringWriter();
        CommandLine cl = Newsradar.commandLine();
        cl.setErr(new PrintWriter(err, true));

        int code = cl.execute(
                "sink",
                "--config",
                configFile(TestKafka.uniqueId("sink-cmd-group"), Map.of(SinkSettings.STARTUP_TIMEOUT_MS, "soon"))
                        .toString(),
                "--file",
                dir.resolve("alerts.jsonl").toString());

        assertThat(code).isEqualTo(ExitCodes.FAILED);
        assertThat(err.toString()).contains(SinkSettings.STARTUP_TIMEOUT_MS);
    }

    @Test
    void shouldExitWithTheInfrastructureCodeWhenTheFileCannotBeOpened() throws Exception {
        Path directory = Files.createDirectories(dir.resolve("a-directory"));
        StringWriter err = new StringWriter();
        CommandLine cl = Newsradar.commandLine();
        cl.setErr(new PrintWriter(err, true));

        int code = cl.execute(
                "sink",
                "--config",
                configFile(TestKafka.uniqueId("sink-cmd-group"), Map.of()).toString(),
                "--file",
                directory.toString());

        assertThat(code).isEqualTo(ExitCodes.INFRASTRUCTURE);
        assertThat(err.toString()).contains(directory.toAbsolutePath().toString());
    }

    @Test
    void shouldStopWithTheInfrastructureCodeAndCommitNothingWhenTheFileFailsWhileRunning() throws Exception {
        Path full = Path.of("/dev/full");
        assumeThat(Files.isWritable(full))
                .as("needs Linux's /dev/full, whose every write fails with ENOSPC")
                .isTrue();
        String run = TestKafka.uniqueId("sink-cmd-full");
        String group = run + "-group";
        publishAlerts(run, 1);

        Process sink = startSinkProcess(
                configFile(group, Map.of(SinkSettings.RETRY_BUDGET_MS, "1000")), "--file", full.toString());

        assertThat(sink.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS))
                .as("the sink stops by itself")
                .isTrue();
        assertThat(sink.exitValue()).isEqualTo(ExitCodes.INFRASTRUCTURE);
        assertThat(Files.readString(dir.resolve("sink.err"), StandardCharsets.UTF_8))
                .contains("the alert sink stopped by itself")
                .contains(full.toString());
        assertThat(committedOffsets(group))
                .as("nothing committed: a restarted sink delivers it")
                .isEmpty();
    }

    private Path configFile(String group, Map<String, String> extra) throws IOException {
        StringBuilder props = new StringBuilder();
        props.append(NewsradarConfig.BOOTSTRAP_SERVERS)
                .append('=')
                .append(TestKafka.bootstrapServers())
                .append('\n');
        props.append(NewsradarConfig.SINK_GROUP).append('=').append(group).append('\n');
        extra.forEach((k, v) -> props.append(k).append('=').append(v).append('\n'));
        Path file = dir.resolve(group + ".properties");
        Files.writeString(file, props.toString(), StandardCharsets.UTF_8);
        return file;
    }

    /** {@code newsradar sink} in a JVM of its own, on this test's classpath; output in sink.out/sink.err. */
    private Process startSinkProcess(Path config, String... args) throws IOException {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                classpath,
                Newsradar.class.getName(),
                "sink",
                "--config",
                config.toString(),
                // any free port: a fixed one could be taken on a shared machine
                "--http-port",
                "0"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command)
                .redirectOutput(dir.resolve("sink.out").toFile())
                .redirectError(dir.resolve("sink.err").toFile())
                .start();
        started.add(process);
        return process;
    }

    private static List<RecordMetadata> publishAlerts(String run, int count) throws Exception {
        TestKafka.ensureTopics(Topics.all());
        TopicDef<String, Alert> topic = Topics.alerts(Topics.DEFENSE_AI_ROUTE);
        Map<String, Object> props = TestKafka.clientProps();
        // acknowledged by the broker before the sink is started
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        List<RecordMetadata> written = new ArrayList<>();
        try (KafkaProducer<String, Alert> producer = new KafkaProducer<>(
                props, topic.keySerde().serializer(), topic.valueSerde().serializer())) {
            for (int i = 0; i < count; i++) {
                Alert alert = CliTestAlerts.alert(run + "-" + i);
                written.add(producer.send(new ProducerRecord<>(topic.name(), alert.getStoryId(), alert))
                        .get(30, TimeUnit.SECONDS));
            }
        }
        return written;
    }

    private static long linesMentioning(Path file, String run) throws IOException {
        if (!Files.exists(file)) {
            return 0;
        }
        return Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                .filter(line -> line.contains(run))
                .count();
    }

    private static Map<TopicPartition, OffsetAndMetadata> committedOffsets(String group) throws Exception {
        try (Admin admin = Admin.create(TestKafka.clientProps())) {
            return admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata()
                    .get(30, TimeUnit.SECONDS);
        }
    }

    private static boolean committedPastEveryRecord(String group, List<RecordMetadata> written) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> committed = committedOffsets(group);
        return written.stream().allMatch(m -> {
            OffsetAndMetadata offset = committed.get(new TopicPartition(m.topic(), m.partition()));
            return offset != null && offset.offset() > m.offset();
        });
    }

    private static ConsumerGroupDescription describeGroup(String group) throws Exception {
        try (Admin admin = Admin.create(TestKafka.clientProps())) {
            return admin.describeConsumerGroups(List.of(group))
                    .describedGroups()
                    .get(group)
                    .get(30, TimeUnit.SECONDS);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
