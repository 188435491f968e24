package io.newsradar.ingest.push;

import io.newsradar.avro.NewsArticle;
import io.newsradar.ingest.BrokerUnavailableException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Publishes a request's articles and waits, at most the ack timeout in all, until the broker has
 * acknowledged every one. The sends run on a thread of their own: the producer's {@code send()}
 * itself can block (metadata of an unreachable cluster, a full buffer) for longer than the
 * request may wait, and the wait must stay bounded. A send task that starts after its request's
 * deadline sends nothing, so a queue of stalled requests does not publish behind its clients'
 * backs.
 */
final class AckWait implements AutoCloseable {
    private final PushPublisher publisher;
    private final Duration timeout;
    private final ExecutorService sender = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "newsradar-push-send");
        t.setDaemon(true); // a stuck send must not hold the JVM open at exit
        return t;
    });

    AckWait(PushPublisher publisher, Duration timeout) {
        this.publisher = publisher;
        this.timeout = timeout;
    }

    /** How the articles fared, in the order given. */
    List<Ack> publishAll(List<NewsArticle> articles) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        CompletableFuture<List<CompletableFuture<?>>> sent;
        try {
            sent = sendAll(articles, deadline);
        } catch (RejectedExecutionException closing) {
            // the service is stopping: nothing was sent, the client retries (elsewhere)
            return articles.stream().map(a -> Ack.UNAVAILABLE).toList();
        }
        List<CompletableFuture<?>> futures;
        try {
            futures = sent.get(remainingNanos(deadline), TimeUnit.NANOSECONDS);
            CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new))
                    .get(remainingNanos(deadline), TimeUnit.NANOSECONDS);
        } catch (TimeoutException | ExecutionException e) {
            // sorted article by article below: a failure or a timeout of one is not the others';
            // sends that never started (or failed to start) leave every article unacknowledged
            futures = sent.isDone() && !sent.isCompletedExceptionally() ? sent.join() : null;
        }
        List<Ack> acks = new ArrayList<>(articles.size());
        for (int i = 0; i < articles.size(); i++) {
            acks.add(futures == null ? Ack.UNAVAILABLE : Ack.of(futures.get(i)));
        }
        return acks;
    }

    private CompletableFuture<List<CompletableFuture<?>>> sendAll(List<NewsArticle> articles, long deadline) {
        return CompletableFuture.supplyAsync(
                () -> {
                    if (System.nanoTime() - deadline >= 0) {
                        throw new CompletionException(new TimeoutException("not sent: the request gave up"));
                    }
                    List<CompletableFuture<?>> futures = new ArrayList<>(articles.size());
                    for (NewsArticle article : articles) {
                        futures.add(publisher.publish(article));
                    }
                    return futures;
                },
                sender);
    }

    private static long remainingNanos(long deadline) {
        return Math.max(0, deadline - System.nanoTime());
    }

    @Override
    public void close() {
        sender.shutdownNow();
    }

    /**
     * One article's fate: acknowledged, refused for itself (the reason), or not acknowledged by
     * the cluster in time.
     */
    record Ack(boolean acknowledged, String rejection) {
        static final Ack ACKNOWLEDGED = new Ack(true, null);
        static final Ack UNAVAILABLE = new Ack(false, null);

        static Ack of(CompletableFuture<?> future) {
            if (!future.isDone()) {
                return UNAVAILABLE;
            }
            if (!future.isCompletedExceptionally()) {
                return ACKNOWLEDGED;
            }
            Throwable cause = future.handle((value, error) -> error).join(); // done: does not block
            if (cause instanceof CompletionException && cause.getCause() != null) {
                cause = cause.getCause();
            }
            if (cause instanceof BrokerUnavailableException || cause instanceof CancellationException) {
                return UNAVAILABLE;
            }
            return new Ack(false, cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage());
        }

        boolean unavailable() {
            return !acknowledged && rejection == null;
        }
    }
}
