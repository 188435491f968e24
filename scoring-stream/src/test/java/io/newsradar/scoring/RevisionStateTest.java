package io.newsradar.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RevisionStateTest {
    private static final String HASH_A = "267ec369c6a2f978764380acff8b9bd86fcc8c09830583467322cb993bc4ccb9";
    private static final String HASH_B = "245e01ef982995b549a5ce3a0be83bfb3f4ea5508998edb1297386d26025e291";
    private final Serde<RevisionState> serde = RevisionState.serde();

    private RevisionState read(String text) {
        return serde.deserializer().deserialize("changelog", text.getBytes(StandardCharsets.UTF_8));
    }

    private String write(RevisionState s) {
        return new String(serde.serializer().serialize("changelog", s), StandardCharsets.UTF_8);
    }

    @Test
    void shouldReadAValueOfTheOldFormatAsOneHashWithAnUnknownLastSighting() {
        // what the previous version wrote to RocksDB and to the changelog topic
        RevisionState s = read("3:" + HASH_A);

        assertThat(s).isEqualTo(new RevisionState(3, List.of(HASH_A), RevisionState.UNKNOWN));
        assertThat(s.hasSeen(HASH_A)).isTrue();
        assertThat(s.lastSeenKnown()).isFalse();
    }

    @Test
    void shouldKeepEverythingAfterTheFirstColonOfAnOldValueAsTheHash() {
        assertThat(read("12:odd:hash").recentHashes()).containsExactly("odd:hash");
    }

    @Test
    void shouldWriteReadableJsonAndReadItBack() {
        RevisionState s = new RevisionState(2, List.of(HASH_A, HASH_B), 1_777_593_600_000L);

        String text = write(s);

        assertThat(text)
                .isEqualTo("{\"v\":2,\"revision\":2,\"lastSeen\":1777593600000,\"hashes\":[\"" + HASH_A + "\",\""
                        + HASH_B + "\"]}");
        assertThat(read(text)).isEqualTo(s);
    }

    @Test
    void shouldRoundTripHashesWithAnyCharacters() {
        RevisionState s = new RevisionState(1, List.of("a,b", "c:\"d\"", "é\n{"), 0);

        assertThat(read(write(s))).isEqualTo(s);
    }

    @Test
    void shouldRoundTripAnUnknownLastSighting() {
        RevisionState s = new RevisionState(5, List.of(HASH_A), RevisionState.UNKNOWN);

        assertThat(write(s)).doesNotContain("lastSeen");
        assertThat(read(write(s))).isEqualTo(s);
    }

    @Test
    void shouldPassNullsThrough() {
        assertThat(serde.serializer().serialize("t", null)).isNull();
        assertThat(serde.deserializer().deserialize("t", null)).isNull();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "no-colon",
                ":hash",
                "x:hash",
                "0:hash",
                "{",
                "{}",
                "{\"v\":3,\"revision\":1,\"hashes\":[\"a\"]}",
                "{\"v\":2,\"revision\":1,\"hashes\":[]}",
                "{\"v\":2,\"revision\":1,\"hashes\":[1]}",
                "{\"v\":2,\"hashes\":[\"a\"]}"
            })
    void shouldRefuseAValueItCannotRead(String text) {
        assertThatThrownBy(() -> read(text))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("revision state");
    }

    @Test
    void shouldKeepTheMostRecentlySeenHashesWithinTheBound() {
        RevisionState s = RevisionState.first("a", 10).next("b", 20, 3).next("c", 30, 3);

        RevisionState d = s.next("d", 40, 3);

        assertThat(d.revision()).isEqualTo(4);
        assertThat(d.recentHashes()).containsExactly("b", "c", "d");
        assertThat(d.lastSeenMs()).isEqualTo(40);
    }

    @Test
    void shouldMoveARepeatedHashToTheMostRecentPlace() {
        RevisionState s = RevisionState.first("a", 10).next("b", 10, 3);

        RevisionState again = s.repeated("a", 10, 100, 3);

        assertThat(again.recentHashes()).containsExactly("b", "a");
        assertThat(again.revision()).isEqualTo(2);
        assertThat(again.lastSeenMs()).isEqualTo(10);
    }

    @Test
    void shouldRefreshTheLastSightingOfARepeatOnlyOnceItIsOldEnough() {
        RevisionState s = RevisionState.first("a", 1_000);

        assertThat(s.repeated("a", 1_099, 100, 3)).isSameAs(s);
        assertThat(s.repeated("a", 1_100, 100, 3).lastSeenMs()).isEqualTo(1_100);
        RevisionState legacy = new RevisionState(3, List.of("a"), RevisionState.UNKNOWN);
        assertThat(legacy.repeated("a", 5, 100, 3).lastSeenMs()).isEqualTo(5);
    }

    @Test
    void shouldTrimAStateFromALargerBoundOnItsNextWrite() {
        RevisionState s = new RevisionState(3, List.of("a", "b", "c"), 10);

        assertThat(s.repeated("c", 10, 100, 2).recentHashes()).containsExactly("b", "c");
    }
}
