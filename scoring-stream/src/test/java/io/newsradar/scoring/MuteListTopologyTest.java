package io.newsradar.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsradar.schemas.config.NewsradarConfig;
import io.newsradar.schemas.mutes.MuteKind;
import io.newsradar.schemas.mutes.MuteRecord;
import io.newsradar.schemas.topics.Topics;
import io.newsradar.scoring.feeds.FeedDirectory;
import io.newsradar.scoring.mutes.MuteDirectory;
import io.newsradar.scoring.ruleset.LiveRules;
import io.newsradar.scoring.stories.StorySettings;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code mutes.v1} on TopologyTestDriver: the topology's global store passes each record to the
 * {@link MuteDirectory} the app hands the story stage; a tombstone unmutes, a bad record is
 * counted and the topology keeps going.
 */
class MuteListTopologyTest {
    private static final Instant UNTIL = Instant.parse("2026-12-01T18:00:00Z");
    private static final long BEFORE = UNTIL.minusSeconds(60).toEpochMilli();

    @TempDir
    Path stateDir;

    private final ScoringEngine engine = ScoringEngine.of(ScoringRules.defaults());
    private final MuteDirectory mutes = new MuteDirectory();
    private TopologyTestDriver driver;
    private TestInputTopic<String, String> mutesTopic;

    @BeforeEach
    void setUp() {
        Properties props = ScoringApp.streamsProperties(NewsradarConfig.defaults()
                .with(NewsradarConfig.BOOTSTRAP_SERVERS, "unused:9092")
                .with(NewsradarConfig.STATE_DIR, stateDir.toString()));
        driver = new TopologyTestDriver(
                ScoringTopology.build(
                        LiveRules.fixed(engine),
                        RevisionSettings.defaults(),
                        StorySettings.defaults(),
                        new ScoringCounters(),
                        new FeedDirectory(),
                        mutes),
                props);
        mutesTopic = driver.createInputTopic(
                Topics.MUTES.name(),
                Topics.MUTES.keySerde().serializer(),
                Topics.MUTES.valueSerde().serializer());
    }

    @AfterEach
    void tearDown() {
        driver.close();
        engine.close();
    }

    @Test
    void aMuteRecordReachesTheDirectoryAndATombstoneTakesItOut() {
        MuteRecord source = new MuteRecord(
                MuteKind.SOURCE, "Example Wire", UNTIL, "syndication loop", Instant.parse("2026-11-30T12:00:00Z"));
        mutesTopic.pipeInput(source.key(), source.toJson());

        assertThat(mutes.reasonFor("story-1", "example wire", List.of(), BEFORE))
                .contains("Not alerted: source Example Wire muted until 2026-12-01T18:00Z (reason: syndication loop)");
        KeyValueStore<String, String> store = driver.getKeyValueStore(ScoringTopology.MUTES_STORE);
        assertThat(store.get("source:example wire")).isEqualTo(source.toJson());

        mutesTopic.pipeInput(source.key(), (String) null);
        assertThat(mutes.reasonFor("story-1", "example wire", List.of(), BEFORE))
                .isEmpty();
        assertThat(store.get("source:example wire")).isNull();
    }

    @Test
    void aBadMuteRecordIsCountedAndTheNextOneStillArrives() {
        mutesTopic.pipeInput("tag:defense", "{not a mute");
        MuteRecord tag = new MuteRecord(MuteKind.TAG, "ai", UNTIL, "", Instant.parse("2026-11-30T12:00:00Z"));
        mutesTopic.pipeInput(tag.key(), tag.toJson());

        assertThat(mutes.rejectedRecords()).isOne();
        assertThat(mutes.reasonFor("s", "w", List.of("ai"), BEFORE)).isPresent();
    }
}
