package io.newsradar.scoring.stories;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.Test;

/** The internal records survive their serdes, and a record of another format fails clearly. */
class StoryMessagesTest {
    private static final StoryOrigin A = new StoryOrigin(1_000L, "a");
    private static final byte[] SIGNATURE = {1, 2, 3, 4};

    private static <T> T roundTrip(Serde<T> serde, T value) {
        return serde.deserializer().deserialize("t", serde.serializer().serialize("t", value));
    }

    @Test
    void bandRecordsAndVotesRoundTrip() {
        BandRecord band = new BandRecord("b", 2, A, SIGNATURE, 3, 16, null, null);
        BandRecord back = roundTrip(BandRecord.serde(), band);
        assertThat(back.signature()).isEqualTo(SIGNATURE);
        assertThat(back).usingRecursiveComparison().isEqualTo(band);
        assertThat(roundTrip(BandRecord.serde(), BandRecord.retraction("b", "gone")))
                .usingRecursiveComparison()
                .isEqualTo(BandRecord.retraction("b", "gone"));

        BandVote vote = BandVote.of(band, A);
        assertThat(roundTrip(BandVote.serde(), vote)).isEqualTo(vote);
        assertThat(roundTrip(BandVote.serde(), BandVote.retraction("b", "gone")))
                .isEqualTo(BandVote.retraction("b", "gone"));
    }

    @Test
    void storeEntriesAndAssignmentsRoundTrip() {
        BandEntry entry = new BandEntry("b", A, SIGNATURE);
        assertThat(roundTrip(BandEntry.serde(), entry))
                .usingRecursiveComparison()
                .isEqualTo(entry);
        assertThat(roundTrip(StorySerdes.origin(), A)).isEqualTo(A);
        PendingVotes pending = PendingVotes.none(4, 0L).with(new BandVote("b", 1, 2, 4, A, null, null));
        assertThat(roundTrip(PendingVotes.serde(), pending)).isEqualTo(pending);
        assertThat(roundTrip(StorySerdes.provisional(), Provisionals.sample())).isEqualTo(Provisionals.sample());
        StoryAssignment article = new StoryAssignment("a", A, "b", 2, List.of(), Provisionals.sample(), null);
        assertThat(roundTrip(StorySerdes.assignment(), article)).isEqualTo(article);
        StoryAssignment retraction = new StoryAssignment("a", A, "b", 0, List.of("c"), null, "gone");
        assertThat(roundTrip(StorySerdes.assignment(), retraction)).isEqualTo(retraction);
    }

    @Test
    void anotherFormatOrATruncatedRecordFailsWithWhatItWasMeantToBe() {
        byte[] good = BandVote.serde()
                .serializer()
                .serialize("t", BandVote.of(new BandRecord("b", 1, A, SIGNATURE, 0, 1, null, null), A));
        byte[] otherFormat = good.clone();
        otherFormat[0] = 9;
        assertThatThrownBy(() -> BandVote.serde().deserializer().deserialize("t", otherFormat))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("story band vote")
                .hasMessageContaining("format 9");
        byte[] truncated = java.util.Arrays.copyOf(good, good.length - 3);
        assertThatThrownBy(() -> BandVote.serde().deserializer().deserialize("t", truncated))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("cannot decode a story band vote");
        assertThatThrownBy(() -> StorySerdes.assignment().deserializer().deserialize("t", new byte[0]))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("story assignment");
    }
}
