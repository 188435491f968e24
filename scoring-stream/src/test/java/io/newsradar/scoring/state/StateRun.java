package io.newsradar.scoring.state;

import io.newsradar.avro.NewsArticle;
import io.newsradar.schemas.config.NewsradarConfig;
import io.newsradar.schemas.topics.Topics;
import io.newsradar.scoring.RevisionSettings;
import io.newsradar.scoring.ScoringApp;
import io.newsradar.scoring.ScoringCounters;
import io.newsradar.scoring.ScoringEngine;
import io.newsradar.scoring.ScoringRules;
import io.newsradar.scoring.ScoringTopology;
import io.newsradar.scoring.feeds.FeedDirectory;
import io.newsradar.scoring.mutes.MuteDirectory;
import io.newsradar.scoring.ruleset.LiveRules;
import io.newsradar.scoring.stories.StorySettings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;

/**
 * The whole scoring topology ({@link ScoringTopology#build} with the given settings and the default
 * rules) in a {@link TopologyTestDriver} with the service's Streams properties (exactly-once, the
 * RocksDB bound) and a real state directory, fed a {@link SyntheticNews} stream. A census of every
 * store is taken at each checkpoint in event time; outputs are drained as it goes.
 */
final class StateRun implements AutoCloseable {
    /** The stores at one point of event time, after {@code articles} articles. */
    record Sample(long eventTimeMs, long articles, List<StoreCensus.StoreSize> stores) {
        long entries(String store) {
            return stores.stream()
                    .filter(s -> s.name().equals(store))
                    .mapToLong(StoreCensus.StoreSize::entries)
                    .sum();
        }

        long totalEntries() {
            return StoreCensus.totalEntries(stores);
        }
    }

    // drain the driver's captured outputs this often: it keeps them all in memory until read
    private static final int DRAIN_EVERY = 500;

    private final ScoringEngine engine;
    private final TopologyTestDriver driver;
    private final TestInputTopic<String, NewsArticle> input;
    private final Path appStateDir;
    private final String applicationId;
    private final TopicTally tally = new TopicTally();
    private final ScoringCounters counters = new ScoringCounters();
    private final Map<SyntheticNews.Kind, Long> kinds = new EnumMap<>(SyntheticNews.Kind.class);
    private long articles;

    StateRun(Path stateDir, RevisionSettings revisions, StorySettings stories) {
        NewsradarConfig config = NewsradarConfig.defaults()
                .with(NewsradarConfig.BOOTSTRAP_SERVERS, "unused:9092")
                .with(NewsradarConfig.STATE_DIR, stateDir.toString());
        Properties props = ScoringApp.streamsProperties(config);
        this.applicationId = props.getProperty(StreamsConfig.APPLICATION_ID_CONFIG);
        this.appStateDir = stateDir.resolve(applicationId);
        this.engine = ScoringEngine.of(ScoringRules.defaults());
        this.driver = new TopologyTestDriver(
                ScoringTopology.build(
                        LiveRules.fixed(engine),
                        revisions,
                        stories,
                        counters,
                        new FeedDirectory(),
                        new MuteDirectory()),
                props);
        this.input = driver.createInputTopic(
                Topics.NEWS_RAW.name(),
                Topics.NEWS_RAW.keySerde().serializer(),
                Topics.NEWS_RAW.valueSerde().serializer());
    }

    /** Feeds articles until the next one is at or after {@code untilMs}; then a census. */
    Sample feedUntil(SyntheticNews news, long untilMs) {
        while (news.nextEventTimeMs() < untilMs) {
            feed(news.next());
        }
        return sample(untilMs);
    }

    /** Feeds {@code n} more articles; then a census at the event time of the last one. */
    Sample feed(SyntheticNews news, long n) {
        long last = 0;
        for (long i = 0; i < n; i++) {
            SyntheticNews.Item item = news.next();
            feed(item);
            last = item.eventTimeMs();
        }
        return sample(last);
    }

    private void feed(SyntheticNews.Item item) {
        NewsArticle a = item.article();
        input.pipeInput(a.getId(), a, item.eventTimeMs());
        articles++;
        kinds.merge(item.kind(), 1L, Long::sum);
        if (articles % DRAIN_EVERY == 0) {
            tally.drain(driver);
        }
    }

    Sample sample(long eventTimeMs) {
        tally.drain(driver);
        return new Sample(eventTimeMs, articles, StoreCensus.take(driver, appStateDir));
    }

    TopicTally tally() {
        return tally;
    }

    String applicationId() {
        return applicationId;
    }

    Map<SyntheticNews.Kind, Long> kinds() {
        return kinds;
    }

    ScoringCounters counters() {
        return counters;
    }

    /** All stores of the driver's state directory together, on disk. */
    long stateDirBytes() {
        return StoreCensus.treeBytes(appStateDir);
    }

    /** Per checkpoint, for a table. */
    static List<Long> entriesOf(List<Sample> samples, String store) {
        List<Long> out = new ArrayList<>();
        samples.forEach(s -> out.add(s.entries(store)));
        return out;
    }

    @Override
    public void close() {
        driver.close(); // deletes the state directory
        engine.close();
    }
}
