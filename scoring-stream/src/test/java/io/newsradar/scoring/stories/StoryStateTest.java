package io.newsradar.scoring.stories;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The story state's JSON and its bounded outlets. */
class StoryStateTest {
    private static final AlertedArticle ARTICLE = new AlertedArticle(
            "a1", 2, "Defense ministry awards contract", "https://wire.example/a1", "Example Wire", 1_000L, 6.5, "r1");

    private static StoryOutlets outlets(int n) {
        StoryOutlets o = StoryOutlets.NONE;
        for (int i = 0; i < n; i++) {
            o = o.with("Outlet " + i);
        }
        return o;
    }

    @Test
    void shouldReadBackWhatItWrote() {
        StoryState state = new StoryState(
                outlets(70),
                Map.of(
                        "defense-ai", new RouteAlerts(3, 7.1, 4, 5_000L, "high"),
                        "defense-korea-japan", new RouteAlerts(1, 6.5, 1, 1_000L, "normal")),
                ARTICLE,
                true,
                9_000L);
        String json = state.encode();
        assertThat(json).startsWith("{\"v\":1,").contains("\"moreOutlets\":").contains("\"Outlet 63\"");
        assertThat(StoryState.decode(json)).isEqualTo(state);
        byte[] bytes = StoryState.serde().serializer().serialize("t", state);
        assertThat(new String(bytes, StandardCharsets.UTF_8)).isEqualTo(json);
        assertThat(StoryState.serde().deserializer().deserialize("t", bytes)).isEqualTo(state);
        assertThat(StoryState.serde().deserializer().deserialize("t", null)).isNull();
    }

    @Test
    void shouldReadBackAFreshStoryAndOneWithoutAUrl() {
        StoryState fresh = StoryState.fresh(42L).seen("Example Wire", 43L);
        assertThat(fresh.encode()).doesNotContain("moreOutlets").doesNotContain("article");
        assertThat(StoryState.decode(fresh.encode())).isEqualTo(fresh);
        AlertedArticle noUrl = new AlertedArticle("a1", 1, "t", null, "s", 1L, 5.0, "r1");
        StoryState alerted = fresh.alertedOn("defense-ai", new RouteAlerts(1, 5.0, 1, 43L, "high"), noUrl);
        assertThat(StoryState.decode(alerted.encode())).isEqualTo(alerted);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "not json",
                "[1,2]",
                "{\"v\":2,\"lastSeen\":1,\"retracted\":false,\"outlets\":[],\"routes\":{}}",
                "{\"lastSeen\":1,\"retracted\":false,\"outlets\":[],\"routes\":{}}",
                "{\"v\":1,\"retracted\":false,\"outlets\":[],\"routes\":{}}",
                "{\"v\":1,\"lastSeen\":\"soon\",\"retracted\":false,\"outlets\":[],\"routes\":{}}",
                "{\"v\":1,\"lastSeen\":1,\"retracted\":false,\"outlets\":\"Example Wire\",\"routes\":{}}",
                "{\"v\":1,\"lastSeen\":1,\"retracted\":false,\"outlets\":[],\"routes\":{},\"moreOutlets\":\"AAA\"}",
                "{\"v\":1,\"lastSeen\":1,\"retracted\":false,\"outlets\":[],\"routes\":{\"defense-ai\":{\"seq\":1}}}",
                "{\"v\":1,\"lastSeen\":1,\"retracted\":false,\"outlets\":[],\"routes\":{\"defense-ai\":"
                        + "{\"seq\":1,\"score\":6.0,\"outlets\":1,\"at\":1,\"priority\":\"high\"}}}",
                "{\"v\":1,\"lastSeen\":1,\"retracted\":false,\"outlets\":[],\"routes\":{\"defense-ai\":"
                        + "{\"seq\":0,\"score\":6.0,\"outlets\":1,\"at\":1,\"priority\":\"high\"}},"
                        + "\"article\":{\"id\":\"a\",\"revision\":1,\"title\":\"t\",\"url\":null,\"source\":\"s\","
                        + "\"publishedAt\":1,\"score\":6.0,\"rulesVersion\":\"r\"}}"
            })
    void shouldRefuseAValueItCannotReadWithAClearError(String bad) {
        assertThatThrownBy(() -> StoryState.decode(bad))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("story state");
    }

    @Test
    void shouldQuoteOnlyTheStartOfALongBadValue() {
        String bad = "x".repeat(10_000);
        assertThatThrownBy(() -> StoryState.decode(bad))
                .isInstanceOf(SerializationException.class)
                .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(400));
    }

    @Test
    void shouldCountOutletsOnceEachWithoutCase() {
        StoryOutlets o =
                StoryOutlets.NONE.with("Example Wire").with(" example wire ").with("EXAMPLE WIRE");
        assertThat(o.count()).isEqualTo(1);
        assertThat(o.names()).containsExactly("Example Wire");
        assertThat(o.with("Harbour Times").count()).isEqualTo(2);
        assertThat(o.with("   ")).isSameAs(o);
    }

    @Test
    void shouldKeepSixtyFourNamesShowThirtyTwoAndCountBeyondByHash() {
        StoryOutlets o = outlets(100);
        assertThat(o.names()).hasSize(StoryOutlets.NAMES_KEPT);
        assertThat(o.more()).hasSize(36);
        assertThat(o.count()).isEqualTo(100);
        assertThat(o.shown()).hasSize(StoryOutlets.SHOWN).startsWith("Outlet 0", "Outlet 1");
        // outlets past the names are still counted once each
        assertThat(o.with("outlet 99")).isSameAs(o);
        assertThat(o.with("OUTLET 5")).isSameAs(o);
    }

    @Test
    void shouldStopCountingAtTheBound() {
        StoryOutlets full = outlets(StoryOutlets.COUNTED_MAX + 50);
        assertThat(full.count()).isEqualTo(StoryOutlets.COUNTED_MAX);
        assertThat(full.with("one more outlet")).isSameAs(full);
        // the largest outlets a state can hold: a few KiB of JSON
        assertThat(new StoryState(full, Map.of(), null, false, 1).encode()).hasSizeLessThan(8_000);
    }

    @Test
    void shouldKeepOnlyTheStartOfAVeryLongOutletName() {
        StoryOutlets o = StoryOutlets.NONE.with("W".repeat(5_000));
        assertThat(o.names().get(0)).hasSize(StoryOutlets.MAX_NAME_CHARS);
        assertThat(o.with("w".repeat(4_000)).count()).isEqualTo(1);
    }

    @Test
    void shouldRefuseRoutesWithoutTheArticleOfTheLastAlert() {
        assertThatThrownBy(() -> new StoryState(
                        StoryOutlets.NONE, Map.of("defense-ai", new RouteAlerts(1, 6, 1, 1, "high")), null, false, 1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
