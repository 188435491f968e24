package io.newsradar.ingest;

import io.newsradar.avro.NewsArticle;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The sends of one input with at most {@code capacity} of them unacknowledged, and their tally.
 * The bound keeps memory flat for an input of any length while the producer still batches a
 * window's worth of articles; the articles themselves are not kept (the producer has serialised
 * them by the time {@link ArticlePublisher#publish} returns).
 */
final class SendWindow {
    private final ArticlePublisher publisher;
    private final String input;
    private final int capacity;
    private final ArrayDeque<Send> inFlight = new ArrayDeque<>();
    private final List<IngestError> rejected = new ArrayList<>();
    private int published;
    private int newIds;
    private int notSent;

    SendWindow(ArticlePublisher publisher, String input, int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("send window must hold at least one send, got " + capacity);
        }
        this.publisher = publisher;
        this.input = input;
        this.capacity = capacity;
    }

    /** Sends one article, first waiting for acknowledgements while the window is full. */
    void send(NewsArticle article) {
        settleAcknowledged();
        while (inFlight.size() >= capacity) {
            if (!inFlight.peekFirst().ack().isDone()) {
                // Sends the producer still holds for batching (linger.ms) and waits for them all:
                // the oldest may be in a batch that would otherwise wait to fill.
                publisher.flush();
            }
            settle(inFlight.pollFirst());
            settleAcknowledged();
        }
        boolean newId = ArticlePublisher.previousId(article).isPresent();
        inFlight.addLast(new Send(article.getId(), newId, publisher.publish(article)));
        // counts up to date for progress; a send that failed at once (size limits) is named now
        settleAcknowledged();
    }

    /** A record of the input that was not sent at all (a bad line). */
    void reject(IngestError error) {
        rejected.add(error);
    }

    /** Waits for every send so far to be acknowledged or to fail. */
    void finish() {
        publisher.flush();
        while (!inFlight.isEmpty()) {
            settle(inFlight.pollFirst());
        }
    }

    int published() {
        return published;
    }

    int newIds() {
        return newIds;
    }

    /** Sends the cluster failed: one cause for all of them, reported once by the caller. */
    int notSent() {
        return notSent;
    }

    /** Records rejected so far: bad records and sends that failed for the record's sake. */
    List<IngestError> rejected() {
        return rejected;
    }

    private void settleAcknowledged() {
        while (!inFlight.isEmpty() && inFlight.peekFirst().ack().isDone()) {
            settle(inFlight.pollFirst());
        }
    }

    private void settle(Send send) {
        try {
            // Bounded without our own timeout: the producer fails a send after delivery.timeout.ms.
            send.ack().join();
            published++;
            if (send.newId()) {
                newIds++;
            }
        } catch (CompletionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            if (cause instanceof BrokerUnavailableException) {
                notSent++;
                return;
            }
            rejected.add(new IngestError(
                    input,
                    "article " + send.id(),
                    "not published: "
                            + (cause instanceof InvalidArticleException
                                    ? cause.getMessage()
                                    : SendFailures.describe(cause))));
        }
    }

    private record Send(String id, boolean newId, CompletableFuture<?> ack) {}
}
