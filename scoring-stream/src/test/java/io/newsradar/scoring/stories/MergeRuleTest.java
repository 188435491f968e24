package io.newsradar.scoring.stories;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The merge rule in the chooser's pending votes: the order the votes come in does not matter. */
class MergeRuleTest {
    private static final StoryOrigin EARLY = new StoryOrigin(1_000L, "zz-early");
    private static final StoryOrigin TIE_A = new StoryOrigin(2_000L, "a");
    private static final StoryOrigin TIE_B = new StoryOrigin(2_000L, "b");
    private static final StoryOrigin SELF = new StoryOrigin(3_000L, "self");

    @Test
    void everyOrderOfTheVotesChoosesTheSameStory() {
        List<BandVote> votes = List.of(
                vote(0, SELF, true),
                vote(1, TIE_B, false),
                vote(2, EARLY, false),
                vote(3, TIE_A, false),
                vote(4, SELF, false));
        Set<StoryOrigin> chosen = new HashSet<>();
        int orders = 0;
        for (List<BandVote> order : permutations(votes)) {
            PendingVotes p = PendingVotes.none(votes.size(), 0L);
            for (int i = 0; i < order.size(); i++) {
                assertThat(p.complete()).isFalse();
                p = p.with(order.get(i));
            }
            assertThat(p.complete()).isTrue();
            chosen.add(p.smallest());
            orders++;
        }
        assertThat(orders).isEqualTo(120);
        // the earliest fetch wins, whatever its id
        assertThat(chosen).containsExactly(EARLY);
    }

    @Test
    void equalFetchTimesAreDecidedByTheId() {
        PendingVotes p = PendingVotes.none(5, 0L);
        for (int band = 0; band < 5; band++) {
            p = p.with(vote(band, band % 2 == 0 ? TIE_B : TIE_A, band == 0));
        }
        assertThat(p.smallest()).isEqualTo(TIE_A);
    }

    @Test
    void notCompleteUntilBandZerosProvisionalIsIn() {
        PendingVotes p = PendingVotes.none(5, 0L);
        for (int band = 1; band < 5; band++) {
            p = p.with(vote(band, SELF, false));
        }
        assertThat(p.complete()).isFalse();
        assertThat(p.with(vote(0, SELF, true)).complete()).isTrue();
    }

    private static BandVote vote(int band, StoryOrigin proposal, boolean carriesProvisional) {
        return new BandVote("self", 1, band, 5, proposal, carriesProvisional ? Provisionals.sample() : null, null);
    }

    private static <T> List<List<T>> permutations(List<T> items) {
        if (items.isEmpty()) {
            return List.of(List.of());
        }
        List<List<T>> out = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            List<T> rest = new ArrayList<>(items);
            T head = rest.remove(i);
            for (List<T> tail : permutations(rest)) {
                List<T> p = new ArrayList<>();
                p.add(head);
                p.addAll(tail);
                out.add(p);
            }
        }
        return out;
    }
}
