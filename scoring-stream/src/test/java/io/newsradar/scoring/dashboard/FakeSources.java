package io.newsradar.scoring.dashboard;

import io.newsradar.schemas.feeds.FeedState;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/** Feed states and DLQ counts a test sets, for the dashboard's endpoints without a cluster. */
final class FakeSources {
    private FakeSources() {}

    static final class Feeds implements FeedStates {
        final List<FeedState> states = new CopyOnWriteArrayList<>();
        volatile boolean loaded = true;
        volatile String failure;

        @Override
        public Collection<FeedState> states() {
            return new ArrayList<>(states);
        }

        @Override
        public boolean loaded() {
            return loaded;
        }

        @Override
        public Optional<String> failure() {
            return Optional.ofNullable(failure);
        }
    }

    static final class Dlq implements DlqCounter {
        volatile List<DlqCount> counts = List.of(new DlqCount("news.dlq.v1", 0), new DlqCount("delivery.dlq.v1", 0));
        volatile RuntimeException failure;

        @Override
        public List<DlqCount> counts() {
            if (failure != null) {
                throw failure;
            }
            return counts;
        }
    }
}
