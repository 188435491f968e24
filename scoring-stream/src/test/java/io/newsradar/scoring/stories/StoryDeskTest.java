package io.newsradar.scoring.stories;

import static io.newsradar.scoring.stories.StoryArticles.ENGINE;
import static io.newsradar.scoring.stories.StoryArticles.at;
import static io.newsradar.scoring.stories.StoryArticles.full;
import static io.newsradar.scoring.stories.StoryArticles.placed;
import static io.newsradar.scoring.stories.StoryArticles.retraction;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsradar.avro.Alert;
import io.newsradar.avro.NewsArticle;
import io.newsradar.schemas.alert.AlertStatus;
import io.newsradar.scoring.ScoringCounters;
import io.newsradar.scoring.mutes.MuteDirectory;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The story desk as a processor: its stores, what it forwards, and its expiry by stream time. */
class StoryDeskTest {
    private static final Duration WINDOW = Duration.ofHours(6);
    private static final StorySettings SETTINGS = new StorySettings(WINDOW, 16, 4, 0.5, Duration.ofMinutes(30), 64);

    private final ScoringCounters counters = new ScoringCounters();
    private MockProcessorContext<String, StoryOutput> context;
    private KeyValueStore<String, StoryState> stories;
    private KeyValueStore<String, String> byLastSeen;
    private StoryDesk desk;

    @BeforeEach
    void setUp() {
        context = new MockProcessorContext<>();
        context.setCurrentStreamTimeMs(0); // the mock has none until set: no record processed yet
        stories = Stores.keyValueStoreBuilder(
                        Stores.inMemoryKeyValueStore(StoryDesk.STORIES_STORE), Serdes.String(), StoryState.serde())
                .withLoggingDisabled()
                .build();
        byLastSeen = Stores.keyValueStoreBuilder(
                        Stores.inMemoryKeyValueStore(StoryDesk.STORIES_BY_LAST_SEEN_STORE),
                        Serdes.String(),
                        Serdes.String())
                .withLoggingDisabled()
                .build();
        stories.init(context.getStateStoreContext(), stories);
        byLastSeen.init(context.getStateStoreContext(), byLastSeen);
        context.addStateStore(stories);
        context.addStateStore(byLastSeen);
        desk = new StoryDesk(SETTINGS, () -> ENGINE, new MuteDirectory(), counters);
        desk.init(context);
    }

    private List<Record<String, StoryOutput>> process(StoryAssignment a, long timestamp) {
        context.resetForwards();
        context.setCurrentStreamTimeMs(Math.max(context.currentStreamTimeMs(), timestamp));
        desk.process(new Record<>(a.storyId(), a, timestamp));
        return context.forwarded().stream()
                .map(f -> new Record<String, StoryOutput>(
                        f.record().key(), f.record().value(), f.record().timestamp()))
                .toList();
    }

    private void punctuate() {
        context.scheduledPunctuators().forEach(p -> p.getPunctuator().punctuate(context.currentStreamTimeMs()));
    }

    @Test
    void shouldDeclarePersistentChangeloggedStoresUnderItsStoreNames() {
        List<StoreBuilder<?>> builders = StoryDesk.stores(SETTINGS);
        assertThat(builders).extracting(StoreBuilder::name).containsExactly(StoryDesk.storeNames());
        assertThat(builders).allSatisfy(b -> assertThat(b.loggingEnabled()).isTrue());
        assertThat(builders).allSatisfy(b -> assertThat(b.build().persistent()).isTrue());
    }

    @Test
    void shouldPunctuateOnStreamTime() {
        assertThat(context.scheduledPunctuators()).singleElement().satisfies(p -> {
            assertThat(p.getType()).isEqualTo(PunctuationType.STREAM_TIME);
            assertThat(p.getInterval()).isLessThanOrEqualTo(WINDOW);
        });
    }

    @Test
    void shouldForwardEveryArticleKeyedByStoryWithItsOwnTimestampAndItsAlerts() {
        NewsArticle a = full("Example Wire", 0);
        List<Record<String, StoryOutput>> out = process(placed("s1", a, 1), at(0));
        assertThat(out).singleElement().satisfies(r -> {
            assertThat(r.key()).isEqualTo("s1");
            assertThat(r.timestamp()).isEqualTo(at(0));
            assertThat(r.value().scored().getStoryId()).isEqualTo("s1");
            assertThat(r.value().alerts()).extracting(Alert::getStatus).containsExactly(AlertStatus.NEW);
        });
        // stored, so a copy from the same outlet is a pure copy: forwarded scored, no alert
        List<Record<String, StoryOutput>> copy = process(placed("s1", full("example wire", 60), 1), at(60));
        assertThat(copy)
                .singleElement()
                .satisfies(r -> assertThat(r.value().alerts()).isEmpty());
        assertThat(stories.get("s1").outlets().count()).isEqualTo(1);
    }

    @Test
    void shouldForwardARetractionOnlyWhenItWithdrawsAlerts() {
        process(placed("quiet", StoryArticles.article("Example Wire", "Bakery wins a prize", "Bread.", 0), 1), at(0));
        assertThat(process(retraction("quiet", "x", "taken down"), at(1))).isEmpty();

        process(placed("loud", full("Example Wire", 2), 1), at(2));
        List<Record<String, StoryOutput>> out = process(retraction("loud", "y", "taken down"), at(3));
        assertThat(out).singleElement().satisfies(r -> {
            assertThat(r.key()).isEqualTo("loud");
            assertThat(r.timestamp()).isEqualTo(at(3));
            assertThat(r.value().scored()).isNull();
            assertThat(r.value().alerts()).extracting(Alert::getStatus).containsExactly(AlertStatus.RETRACTED);
        });
        assertThat(counters.retractions()).isEqualTo(2);
    }

    @Test
    void shouldRefuseAnAssignmentKeyedByAnotherStory() {
        StoryAssignment a = placed("s1", full("Example Wire", 0), 1);
        assertThatThrownBy(() -> desk.process(new Record<>("s2", a, at(0))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("s1");
    }

    @Test
    void shouldForgetAStoryAWindowAfterItWasLastSeenSoItStartsOver() {
        process(placed("s1", full("Example Wire", 0), 1), at(0));
        // another story moves stream time past the window; the lookup ignores the old one at once
        int later = (int) WINDOW.toMinutes() + 1;
        process(placed("s2", full("Harbour Times", later), 1), at(later));
        List<Record<String, StoryOutput>> again = process(placed("s1", full("Example Wire", later), 1), at(later));
        assertThat(again.get(0).value().alerts())
                .singleElement()
                .satisfies(alert -> assertThat(alert.getAlertId()).endsWith(":1"));
    }

    @Test
    void shouldRemoveExpiredStoriesSoTheStoresStopGrowing() {
        // one new story every 10 minutes for 10 windows; the desk punctuates as stream time moves
        int perWindow = (int) (WINDOW.toMinutes() / 10);
        long most = 0;
        for (int i = 0; i < perWindow * 10; i++) {
            int minutes = i * 10;
            process(
                    placed(
                            "story-" + i,
                            StoryArticles.article("Outlet " + i, "Bakery wins prize " + i, "Bread.", 0),
                            1),
                    at(minutes));
            punctuate();
            most = Math.max(most, stories.approximateNumEntries());
            assertThat(byLastSeen.approximateNumEntries()).isEqualTo(stories.approximateNumEntries());
        }
        // a window's stories and at most one slot more
        long slots =
                StoryStore.slotMs(WINDOW.toMillis()) / Duration.ofMinutes(10).toMillis() + 1;
        assertThat(most).isBetween((long) perWindow, perWindow + slots + 1);
        assertThat(stories.get("story-0")).isNull();
        assertThat(stories.get("story-" + (perWindow * 10 - 1))).isNotNull();
    }

    @Test
    void shouldKeepAStorySeenAgainInALaterSlotAndDropItsOldIndexEntry() {
        process(placed("s1", full("Example Wire", 0), 1), at(0));
        int nearlyWindow = (int) WINDOW.toMinutes() - 10;
        process(placed("s1", full("Harbour Times", nearlyWindow), 1), at(nearlyWindow));
        assertThat(byLastSeen.approximateNumEntries()).isEqualTo(1);
        context.setCurrentStreamTimeMs(at((int) WINDOW.toMinutes() + 30));
        punctuate();
        assertThat(stories.get("s1")).isNotNull();
        context.setCurrentStreamTimeMs(at(nearlyWindow + (int) WINDOW.toMinutes() + 20));
        punctuate();
        assertThat(stories.get("s1")).isNull();
        assertThat(byLastSeen.approximateNumEntries()).isZero();
    }
}
