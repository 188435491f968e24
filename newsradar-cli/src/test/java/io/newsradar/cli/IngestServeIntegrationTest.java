package io.newsradar.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.newsradar.ingest.poll.FeedPoll;
import io.newsradar.ingest.poll.HttpFeedPoll;
import io.newsradar.ingest.poll.PollOutcome;
import io.newsradar.ingest.poll.PollStatus;
import io.newsradar.ingest.service.FeedMetricsEvents;
import io.newsradar.ingest.service.PollEvents;
import io.newsradar.ingest.service.PollerSettings;
import io.newsradar.schemas.config.NewsradarConfig;
import io.newsradar.schemas.feeds.FeedRecord;
import io.newsradar.schemas.feeds.FeedState;
import io.newsradar.schemas.topics.Topics;
import io.newsradar.testsupport.TestKafka;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code newsradar ingest --serve --feed-list FILE}: the list's feeds reach the poller (relative
 * file feeds as absolute paths), polls are committed, and a poller that dies by itself (here: a
 * second producer with its transactional id fences it) ends the command with a non-zero code.
 */
@Tag("integration")
class IngestServeIntegrationTest {
    @TempDir
    Path dir;

    @AfterEach
    void resetSeams() {
        IngestServe.feedPolls = HttpFeedPoll::from;
        IngestServe.pollEvents = FeedMetricsEvents::new;
    }

    @Test
    void servesTheListedFeedsAndExitsNonZeroWhenThePollerDiesByItself() throws Exception {
        TestKafka.ensureTopics(Topics.all());
        String run = TestKafka.uniqueId("ingest-serve");
        Map<String, FeedRecord> polled = new ConcurrentHashMap<>();
        List<String> committed = new CopyOnWriteArrayList<>();
        FeedPoll poll = (feed, state, now) -> {
            polled.put(feed.id(), feed);
            FeedState next = state.orElse(FeedState.initial(feed.id(), feed.url(), now));
            return new PollOutcome(
                    PollStatus.NOT_MODIFIED,
                    List.of(),
                    new FeedState(
                            feed.id(),
                            feed.url(),
                            "",
                            "",
                            now,
                            now,
                            now.plusSeconds(60),
                            0,
                            "",
                            304,
                            next.polls() + 1,
                            0,
                            List.of()),
                    List.of());
        };
        IngestServe.feedPolls = (config, metrics) -> poll;
        IngestServe.pollEvents = metrics -> new PollEvents() {
            @Override
            public void committed(FeedRecord feed, PollOutcome outcome, int published) {
                committed.add(feed.id());
            }
        };
        Files.createDirectories(dir.resolve("feeds"));
        Path list = dir.resolve("feeds.yaml");
        Files.writeString(
                list,
                "feeds:\n"
                        + "  - url: feeds/" + run + ".xml\n"
                        + "    id: " + run + "-file\n"
                        + "  - url: https://" + run + ".example/rss\n"
                        + "    id: " + run + "-http\n");
        Path config = dir.resolve("newsradar.properties");
        Files.writeString(
                config,
                NewsradarConfig.BOOTSTRAP_SERVERS + "=" + TestKafka.bootstrapServers() + "\n"
                        + PollerSettings.GROUP_ID + "=" + run + "\n"
                        + PollerSettings.INSTANCE_ID + "=" + run + "\n"
                        + PollerSettings.COMMIT_RETRY_MS + "=300\n");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Newsradar.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));

        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> cl.execute(
                "ingest",
                "--serve",
                "--config",
                config.toString(),
                "--feed-list",
                list.toString(),
                "--http-port",
                "0"));

        await().atMost(Duration.ofSeconds(60))
                .until(() -> committed.contains(run + "-file") && committed.contains(run + "-http"));
        assertThat(polled.get(run + "-file").url())
                .isEqualTo(dir.resolve("feeds")
                        .resolve(run + ".xml")
                        .toAbsolutePath()
                        .toString());
        assertThat(polled.get(run + "-http").url()).isEqualTo("https://" + run + ".example/rss");
        assertThat(out.toString()).contains("listed 2 feed(s)").contains("Ctrl-C");
        assertThat(exit).isNotDone();

        // another producer takes the service's transactional id: its next commit is fenced
        Map<String, Object> props = TestKafka.clientProps();
        props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, run + "-" + run);
        try (KafkaProducer<String, String> usurper =
                new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
            usurper.initTransactions();
        }
        // the fixed poll interval is a minute: a new feed record makes the next poll due now
        try (io.newsradar.ingest.service.FeedListPublisher publisher =
                new io.newsradar.ingest.service.FeedListPublisher(NewsradarConfig.load(config, Map.of()))) {
            publisher.publish(List.of(new FeedRecord(
                    run + "-late",
                    "https://late." + run + ".example/rss",
                    "",
                    Duration.ofMinutes(1),
                    0,
                    List.of(),
                    "",
                    "")));
        }

        assertThat(exit.get(60, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(ExitCodes.FAILED);
        assertThat(err.toString()).contains("stopped by itself").contains("fenced");
    }
}
