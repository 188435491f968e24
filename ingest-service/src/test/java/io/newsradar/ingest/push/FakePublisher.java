package io.newsradar.ingest.push;

import io.newsradar.avro.NewsArticle;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/** A publisher whose acknowledgements the test decides: at once, never, failed, or by hand. */
final class FakePublisher implements PushPublisher {
    final List<NewsArticle> sent = new CopyOnWriteArrayList<>();
    final List<CompletableFuture<Object>> pending = new CopyOnWriteArrayList<>();
    private final Function<NewsArticle, CompletableFuture<Object>> answer;

    private FakePublisher(Function<NewsArticle, CompletableFuture<Object>> answer) {
        this.answer = answer;
    }

    /** Acknowledges every article at once. */
    static FakePublisher acking() {
        return new FakePublisher(a -> CompletableFuture.completedFuture("ack"));
    }

    /** Never acknowledges: a broker that does not answer. */
    static FakePublisher silent() {
        return new FakePublisher(a -> new CompletableFuture<>());
    }

    /** Fails every article with {@code error}. */
    static FakePublisher failing(Throwable error) {
        return new FakePublisher(a -> CompletableFuture.failedFuture(error));
    }

    /** Answers {@code error} for an article whose title contains {@code marker}, acknowledges the rest. */
    static FakePublisher failingTitles(String marker, Throwable error) {
        return new FakePublisher(a -> a.getTitle().contains(marker)
                ? CompletableFuture.failedFuture(error)
                : CompletableFuture.completedFuture("ack"));
    }

    /**
     * Blocks inside {@code publish} on the first article until {@code release} opens, as the
     * producer's {@code send()} blocks for an unreachable cluster's metadata; acknowledges the rest.
     */
    static FakePublisher blockingFirst(CountDownLatch release) {
        AtomicBoolean first = new AtomicBoolean(true);
        return new FakePublisher(a -> {
            if (first.getAndSet(false)) {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return CompletableFuture.completedFuture("ack");
        });
    }

    /** Keeps every send pending in {@link #pending} until the test completes it. */
    static FakePublisher byHand() {
        return new FakePublisher(a -> new CompletableFuture<>());
    }

    @Override
    public CompletableFuture<?> publish(NewsArticle article) {
        sent.add(article);
        CompletableFuture<Object> f = answer.apply(article);
        pending.add(f);
        return f;
    }
}
