package io.newsradar.scoring.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class MinuteSerdesTest {
    private static final String TOPIC = "metrics-tag-minutes-changelog";

    private static <T> T roundTrip(org.apache.kafka.common.serialization.Serde<T> serde, T value) {
        return serde.deserializer().deserialize(TOPIC, serde.serializer().serialize(TOPIC, value));
    }

    @Test
    void shouldStoreATagMinuteAsReadableJson() {
        TagMinute m = TagMinute.EMPTY.add(4.0).add(4.5).add(4.0);
        assertThat(new String(TagMinute.serde().serializer().serialize(TOPIC, m), StandardCharsets.UTF_8))
                .isEqualTo("{\"v\":1,\"articles\":3,\"scoreSum\":12.5}");
        assertThat(roundTrip(TagMinute.serde(), m)).isEqualTo(new TagMinute(3, 12.5));
        assertThat(m.meanScore()).isCloseTo(12.5 / 3, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(TagMinute.EMPTY.meanScore()).isZero();
    }

    @Test
    void shouldStoreARouteMinuteWithItsCountsByStatus() {
        RouteMinute m = RouteMinute.EMPTY.add("UPDATED").add("NEW").add("UPDATED");
        assertThat(new String(RouteMinute.serde().serializer().serialize(TOPIC, m), StandardCharsets.UTF_8))
                .isEqualTo("{\"v\":1,\"alerts\":3,\"byStatus\":{\"NEW\":1,\"UPDATED\":2}}");
        assertThat(roundTrip(RouteMinute.serde(), m)).isEqualTo(new RouteMinute(3, Map.of("NEW", 1L, "UPDATED", 2L)));
    }

    @Test
    void shouldMergeTheFiguresOfTwoShares() {
        assertThat(new TagMinute(2, 5.0).plus(new TagMinute(1, 4.0))).isEqualTo(new TagMinute(3, 9.0));
        assertThat(new RouteMinute(1, Map.of("NEW", 1L)).plus(new RouteMinute(2, Map.of("NEW", 1L, "UPDATED", 1L))))
                .isEqualTo(new RouteMinute(3, Map.of("NEW", 2L, "UPDATED", 1L)));
    }

    @Test
    void shouldRefuseAValueItCannotReadRatherThanStartAnEmptyWindow() {
        byte[] other = "{\"v\":2,\"articles\":3}".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> TagMinute.serde().deserializer().deserialize(TOPIC, other))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("format 1 expected")
                .hasMessageContaining("{\"v\":2");
        byte[] wrongSum = "{\"v\":1,\"alerts\":3,\"byStatus\":{\"NEW\":1}}".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> RouteMinute.serde().deserializer().deserialize(TOPIC, wrongSum))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("add up");
        assertThatThrownBy(() -> TagMinute.serde()
                        .deserializer()
                        .deserialize(TOPIC, "not json".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("not JSON");
    }

    @Test
    void shouldPassNullThrough() {
        assertThat(TagMinute.serde().serializer().serialize(TOPIC, null)).isNull();
        assertThat(RouteMinute.serde().deserializer().deserialize(TOPIC, null)).isNull();
    }
}
