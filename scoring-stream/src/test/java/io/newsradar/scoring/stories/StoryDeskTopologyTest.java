package io.newsradar.scoring.stories;

import static io.newsradar.scoring.stories.StoryArticles.ENGINE;
import static org.assertj.core.api.Assertions.assertThat;

import io.newsradar.avro.Alert;
import io.newsradar.avro.NewsArticle;
import io.newsradar.schemas.alert.AlertStatus;
import io.newsradar.schemas.config.NewsradarConfig;
import io.newsradar.schemas.serde.AvroSerdes;
import io.newsradar.scoring.ScoringApp;
import io.newsradar.scoring.ScoringCounters;
import io.newsradar.scoring.mutes.MuteDirectory;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The desk with the stores it declares ({@link StoryDesk#stores}: persistent, changelogged) in a
 * topology of its own on TopologyTestDriver: articles keyed by a story id the test chooses stand
 * in for stages 1-3.
 */
class StoryDeskTopologyTest {
    private static final String IN = "desk-test-in";
    private static final String OUT = "desk-test-alerts";

    @TempDir
    Path stateDir;

    private Properties props;
    private final ScoringCounters counters = new ScoringCounters();

    @BeforeEach
    void setUp() {
        props = ScoringApp.streamsProperties(NewsradarConfig.defaults()
                .with(NewsradarConfig.BOOTSTRAP_SERVERS, "unused:9092")
                .with(NewsradarConfig.STATE_DIR, stateDir.toString()));
    }

    /** Article -> its assignment to the story of the record key; a tombstone -> a retraction. */
    private Topology topology() {
        StreamsBuilder builder = new StreamsBuilder();
        StorySettings settings = StorySettings.defaults();
        StoryDesk.stores(settings).forEach(builder::addStateStore);
        builder.stream(IN, Consumed.with(Serdes.String(), AvroSerdes.newsArticle()))
                .mapValues((story, a) -> a == null
                        ? StoryArticles.retraction(story, "a-retracted", "taken down at the source")
                        : StoryArticles.placed(story, a, 1))
                .process(
                        () -> new StoryDesk(settings, () -> ENGINE, new MuteDirectory(), counters),
                        StoryDesk.storeNames())
                .flatMapValues(StoryOutput::alerts)
                .to(OUT, Produced.with(Serdes.String(), AvroSerdes.alert()));
        return builder.build();
    }

    private static void pipe(TopologyTestDriver d, String story, NewsArticle a, int minutes) {
        TestInputTopic<String, NewsArticle> in = d.createInputTopic(
                IN, Serdes.String().serializer(), AvroSerdes.newsArticle().serializer());
        in.pipeInput(story, a, StoryArticles.T0.plusSeconds(60L * minutes));
    }

    private static List<Alert> alerts(TopologyTestDriver d) {
        return d.createOutputTopic(
                        OUT, Serdes.String().deserializer(), AvroSerdes.alert().deserializer())
                .readValuesToList();
    }

    @Test
    void shouldRunAStorysLifecycleOnTheStoresItDeclaresAndExpireItByStreamTime() {
        try (TopologyTestDriver d = new TopologyTestDriver(topology(), props)) {
            pipe(d, "s1", StoryArticles.full("Example Wire", 0), 0);
            assertThat(alerts(d)).extracting(Alert::getStatus).containsExactly(AlertStatus.NEW);
            // a copy from another outlet within the cool-down: held, not a second NEW
            pipe(d, "s1", StoryArticles.full("Harbour Times", 10), 10);
            assertThat(alerts(d)).isEmpty();
            pipe(d, "s1", StoryArticles.full("Capital Post", 40), 40);
            assertThat(alerts(d)).singleElement().satisfies(alert -> {
                assertThat(alert.getStatus()).isEqualTo(AlertStatus.UPDATED);
                assertThat(alert.getSequence()).isEqualTo(2);
                assertThat(alert.getOutlets()).containsExactly("Example Wire", "Harbour Times", "Capital Post");
            });
            pipe(d, "s1", null, 50);
            assertThat(alerts(d))
                    .singleElement()
                    .satisfies(alert -> assertThat(alert.getAlertId()).isEqualTo("s1:defense-ai:3"));
            KeyValueStore<String, StoryState> stories = d.getKeyValueStore(StoryDesk.STORIES_STORE);
            assertThat(stories.get("s1").retracted()).isTrue();

            // another story two windows later moves stream time on: the punctuator removes s1
            int later = (int) StorySettings.DEFAULT_WINDOW.multipliedBy(2).toMinutes();
            pipe(d, "s2", StoryArticles.full("Example Wire", later), later);
            assertThat(stories.get("s1")).isNull();
            assertThat(stories.get("s2")).isNotNull();
        }
        assertThat(counters.updatesHeld()).isEqualTo(1);
        assertThat(counters.retractions()).isEqualTo(1);
    }
}
