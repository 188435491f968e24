package io.newsradar.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsradar.schemas.feeds.FeedPartitions;
import io.newsradar.schemas.feeds.FeedRecord;
import io.newsradar.schemas.feeds.FeedState;
import io.newsradar.schemas.topics.Topics;
import io.newsradar.testsupport.TestKafka;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code feeds} commands on the shared broker: what lands on {@code feeds.v1} (key,
 * partition, value) and what {@code list} prints. Each test uses hosts no other test uses; the
 * topic is shared, so nothing assumes it is empty.
 */
@Tag("integration")
class FeedsCommandIntegrationTest {
    @TempDir
    Path dir;

    private String bootstrap;

    @BeforeEach
    void catalogue() {
        // with the one partition every test of this JVM expects (the command would create 3)
        TestKafka.ensureTopics(Topics.all());
        bootstrap = TestKafka.bootstrapServers();
    }

    private static String host() {
        return TestKafka.uniqueId("feeds-it") + ".example.com";
    }

    /** Every record on feeds.v1 under this key, oldest first. */
    private static List<ConsumerRecord<String, String>> recordsOf(String key) {
        Map<String, Object> props = new HashMap<>(TestKafka.clientProps());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        List<ConsumerRecord<String, String>> out = new ArrayList<>();
        try (KafkaConsumer<String, String> c =
                new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> parts = c.partitionsFor(Topics.FEEDS.name()).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition()))
                    .toList();
            c.assign(parts);
            c.seekToBeginning(parts);
            Map<TopicPartition, Long> ends = c.endOffsets(parts);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (!parts.stream().allMatch(tp -> c.position(tp) >= ends.get(tp)) && System.nanoTime() < deadline) {
                c.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (key.equals(r.key())) {
                        out.add(r);
                    }
                });
            }
        }
        return out;
    }

    private static int partitionOf(String url) {
        return FeedPartitions.partitionFor(url, TestKafka.partitions(Topics.FEEDS.name()));
    }

    @Test
    void addListsAFeedOnItsPartitionAndListShowsItAndItsState() throws Exception {
        String url = "https://" + host() + "/defense/feed.xml";
        RulesCommandTest.Run add = RulesCommandTest.run(
                "feeds",
                "add",
                "-b",
                bootstrap,
                url,
                "--source",
                "Example Defense Wire",
                "--interval",
                "30m",
                "--weight",
                "1.5",
                "--tag",
                "defense",
                "--tag",
                "artificial-intelligence");
        assertThat(add.code()).as(add.err()).isEqualTo(ExitCodes.OK);
        String id = io.newsradar.ingest.feeds.FeedIds.idFor(url);
        assertThat(add.out()).startsWith("added " + id + "  " + url).contains("(partition " + partitionOf(url));

        List<ConsumerRecord<String, String>> written = recordsOf(id);
        assertThat(written).hasSize(1);
        assertThat(written.get(0).partition()).isEqualTo(partitionOf(url));
        FeedRecord feed = FeedRecord.fromJson(written.get(0).value());
        assertThat(feed)
                .isEqualTo(new FeedRecord(
                        id,
                        url,
                        "Example Defense Wire",
                        Duration.ofMinutes(30),
                        1.5,
                        List.of("defense", "artificial-intelligence"),
                        "",
                        ""));

        RulesCommandTest.Run list = RulesCommandTest.run("feeds", "list", "-b", bootstrap);
        assertThat(list.code()).as(list.err()).isEqualTo(ExitCodes.OK);
        assertThat(list.out())
                .contains(id + "  " + url
                        + "  source=Example Defense Wire  every 30m  weight=1.5  tags=defense,artificial-intelligence\n"
                        + "    never polled");

        // what a poller records after two failed polls
        FeedState state = new FeedState(
                id,
                url,
                "\"v1\"",
                "",
                Instant.parse("2026-11-29T09:00:00Z"),
                Instant.parse("2026-11-29T08:00:00Z"),
                Instant.parse("2026-11-29T09:20:00Z"),
                2,
                "HTTP 503 Service Unavailable",
                503,
                5,
                40,
                List.of());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(),
                new StringSerializer())) {
            producer.send(new ProducerRecord<>(Topics.FEEDS_STATE.name(), partitionOf(url), id, state.toJson()))
                    .get();
        }
        assertThat(RulesCommandTest.run("feeds", "list", "-b", bootstrap).out())
                .contains(id + "  " + url)
                .contains("    last success 2026-11-29T08:00:00Z, next poll 2026-11-29T09:20:00Z, errors in a row 2,"
                        + " last error: HTTP 503 Service Unavailable\n");
    }

    @Test
    void removeByUrlWritesATombstoneAndAnUnknownFeedIsSaidSo() {
        String url = "https://" + host() + "/rss";
        assertThat(RulesCommandTest.run("feeds", "add", "-b", bootstrap, url).code())
                .isEqualTo(ExitCodes.OK);
        String id = io.newsradar.ingest.feeds.FeedIds.idFor(url);

        RulesCommandTest.Run remove = RulesCommandTest.run("feeds", "remove", "-b", bootstrap, url);
        assertThat(remove.code()).as(remove.err()).isEqualTo(ExitCodes.OK);
        assertThat(remove.out()).contains("removed " + id + "  " + url);

        List<ConsumerRecord<String, String>> written = recordsOf(id);
        assertThat(written).hasSize(2);
        assertThat(written.get(1).value()).isNull();
        assertThat(written.get(1).partition()).isEqualTo(partitionOf(url));
        assertThat(RulesCommandTest.run("feeds", "list", "-b", bootstrap).out()).doesNotContain(id);

        RulesCommandTest.Run again = RulesCommandTest.run("feeds", "remove", "-b", bootstrap, id);
        assertThat(again.code()).isEqualTo(ExitCodes.FAILED);
        assertThat(again.err())
                .contains("no feed with id or URL '" + id + "' on feeds.v1")
                .contains("nothing removed");
    }

    @Test
    void importOfAYamlListStoresFileFeedsAbsoluteAndOpmlFeedsWithTheirFolders() throws Exception {
        String web = "https://" + host() + "/feed.xml";
        Path list = dir.resolve("feeds.yaml");
        Files.writeString(
                list,
                "feeds:\n"
                        + "  - url: " + web + "\n    weight: 0.5\n    tags: [defense]\n"
                        + "  - url: samples/local-" + TestKafka.uniqueId("f") + ".xml\n    pollInterval: 1h\n");
        RulesCommandTest.Run yaml = RulesCommandTest.run("feeds", "import", "-b", bootstrap, list.toString());
        assertThat(yaml.code()).as(yaml.err()).isEqualTo(ExitCodes.OK);
        assertThat(yaml.out()).contains("imported 2 feeds from " + list + " to feeds.v1 (2 new, 0 replaced)");
        String localLine = yaml.out()
                .lines()
                .filter(l -> l.contains("local-f-"))
                .findFirst()
                .orElseThrow();
        assertThat(localLine).contains("  " + dir.toAbsolutePath().resolve("samples") + "/local-f-");
        assertThat(recordsOf(io.newsradar.ingest.feeds.FeedIds.idFor(web)))
                .singleElement()
                .satisfies(
                        r -> assertThat(FeedRecord.fromJson(r.value()).weight()).isEqualTo(0.5));

        String opmlHost = host();
        Path opml = dir.resolve("subscriptions.opml");
        Files.writeString(
                opml,
                "<?xml version=\"1.0\"?><opml version=\"2.0\"><head><title>mine</title></head><body>"
                        + "<outline text=\"Defense\"><outline type=\"rss\" text=\"Wire\" title=\"Example Wire\" xmlUrl=\"https://"
                        + opmlHost + "/rss\" htmlUrl=\"https://" + opmlHost + "/\"/></outline>"
                        + "<outline text=\"broken\" xmlUrl=\"ftp://" + opmlHost + "/x\"/>"
                        + "</body></opml>");
        RulesCommandTest.Run imported = RulesCommandTest.run("feeds", "import", "-b", bootstrap, opml.toString());
        assertThat(imported.code()).as(imported.err()).isEqualTo(ExitCodes.OK);
        assertThat(imported.err()).contains("skipped:");
        String id = io.newsradar.ingest.feeds.FeedIds.idFor("https://" + opmlHost + "/rss");
        assertThat(recordsOf(id)).singleElement().satisfies(r -> {
            FeedRecord f = FeedRecord.fromJson(r.value());
            assertThat(f.source()).isEqualTo("Example Wire");
            assertThat(f.category()).isEqualTo("Defense");
            assertThat(r.partition()).isEqualTo(partitionOf(f.url()));
        });

        RulesCommandTest.Run invalid = RulesCommandTest.run(
                "feeds", "import", "-b", bootstrap, write("bad.yaml", "feeds:\n  - url: " + web + "\n    weight: 7\n"));
        assertThat(invalid.code()).isEqualTo(ExitCodes.FAILED);
        assertThat(invalid.err()).contains("weight: must be a number between").contains("nothing written");
    }

    private String write(String name, String text) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p.toString();
    }
}
