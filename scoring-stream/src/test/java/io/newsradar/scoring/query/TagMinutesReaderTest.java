package io.newsradar.scoring.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsradar.avro.ScoredArticle;
import io.newsradar.schemas.config.NewsradarConfig;
import io.newsradar.schemas.topics.Topics;
import io.newsradar.scoring.ScoringApp;
import io.newsradar.scoring.ScoringCounters;
import io.newsradar.scoring.metrics.MetricsSettings;
import io.newsradar.scoring.metrics.MetricsStages;
import io.newsradar.scoring.query.LocalQueries.TagMinute;
import io.newsradar.scoring.query.LocalQueries.TagMinutes;
import io.newsradar.scoring.stories.StoryOutput;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.state.QueryableStoreType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The query side of the metrics stage's tag windows, on TopologyTestDriver with a stand-in desk. */
class TagMinutesReaderTest {
    private static final String DESK_IN = "test.query.desk";
    private static final Instant T0 = Instant.parse("2025-11-30T06:00:00Z");

    @TempDir
    Path stateDir;

    private TopologyTestDriver driver;
    private TestInputTopic<String, ScoredArticle> desk;
    private TagMinutesReader reader;

    @BeforeEach
    void setUp() {
        StreamsBuilder builder = new StreamsBuilder();
        KStream<String, StoryOutput> outputs = builder.stream(
                        DESK_IN, Consumed.with(Serdes.String(), Topics.NEWS_SCORED.valueSerde()))
                .mapValues(s -> new StoryOutput(s, List.of()));
        // a grace longer than the test's spread of event times: no record is late
        MetricsStages.add(
                builder, outputs, new MetricsSettings(Duration.ofHours(2), Duration.ofHours(4)), new ScoringCounters());
        Properties props = ScoringApp.streamsProperties(NewsradarConfig.defaults()
                .with(NewsradarConfig.BOOTSTRAP_SERVERS, "unused:9092")
                .with(NewsradarConfig.STATE_DIR, stateDir.toString()));
        driver = new TopologyTestDriver(builder.build(), props);
        desk = driver.createInputTopic(
                DESK_IN,
                Serdes.String().serializer(),
                Topics.NEWS_SCORED.valueSerde().serializer());
        reader = new TagMinutesReader(new TagMinutesReader.StoreLookup() {
            @Override
            @SuppressWarnings("unchecked")
            public <T> T store(String name, QueryableStoreType<T> type) {
                return (T) driver.getWindowStore(name);
            }
        });
    }

    @AfterEach
    void close() {
        driver.close();
    }

    @Test
    void readsTheWindowsOfTheLastMinutesBeforeTheNewestWindowEnd() {
        pipe("a1", 4.0, T0.plusSeconds(10), "defense-ai", "chips");
        pipe("a2", 6.0, T0.plusSeconds(20), "defense-ai");
        pipe("a3", 8.0, T0.plusSeconds(60 * 70 + 5), "defense-ai");

        TagMinutes last60 = reader.read(60);
        long newestEnd = T0.plusSeconds(71 * 60).toEpochMilli();
        assertThat(last60.newestWindowEndMs()).hasValue(newestEnd);
        assertThat(last60.minutes())
                .containsExactly(
                        new TagMinute("defense-ai", T0.plusSeconds(70 * 60).toEpochMilli(), 1, 8.0));

        assertThat(reader.read(120).minutes())
                .containsExactlyInAnyOrder(
                        new TagMinute("defense-ai", T0.toEpochMilli(), 2, 10.0),
                        new TagMinute("chips", T0.toEpochMilli(), 1, 4.0),
                        new TagMinute("defense-ai", T0.plusSeconds(70 * 60).toEpochMilli(), 1, 8.0));
    }

    @Test
    void noWindowsYetIsNoNewestEnd() {
        assertThat(reader.read(60)).isEqualTo(TagMinutes.none());
    }

    private void pipe(String id, double score, Instant at, String... tags) {
        desk.pipeInput(id, QueryFixtures.scored(id, score, at, at.plusSeconds(30), tags), at);
    }
}
