package io.newsradar.ingest.poll;

import io.newsradar.avro.NewsArticle;
import io.newsradar.ingest.IngestError;
import io.newsradar.schemas.feeds.FeedState;
import java.util.List;
import java.util.Objects;

/**
 * What one poll produced: the articles to publish (new ones only, in feed order, already marked
 * with {@code alertHold} where the backlog or age gate says so, carrying the feed id), the feed's
 * next state (to be written in the same transaction as the articles), and the items that could not
 * be turned into articles.
 *
 * @param status     how the poll ended
 * @param articles   articles to publish, possibly none
 * @param state      the feed's state after this poll; its {@code seenItemIds} already include the
 *                   articles' ids
 * @param itemErrors items of the feed that were rejected, with their reasons
 */
public record PollOutcome(
        PollStatus status, List<NewsArticle> articles, FeedState state, List<IngestError> itemErrors) {
    public PollOutcome {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(state, "state");
        articles = List.copyOf(articles);
        itemErrors = List.copyOf(itemErrors);
    }
}
