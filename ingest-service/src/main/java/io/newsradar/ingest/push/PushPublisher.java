package io.newsradar.ingest.push;

import io.newsradar.avro.NewsArticle;
import io.newsradar.ingest.ArticlePublisher;
import io.newsradar.ingest.BrokerUnavailableException;
import java.util.concurrent.CompletableFuture;

/**
 * Where the push API sends articles: {@link ArticlePublisher#publish} in the service, a fake in
 * tests. The future completes when the broker has acknowledged the article; it fails with
 * {@link BrokerUnavailableException} when the cluster cannot take it (the client retries: 503),
 * and with any other exception when this article itself was refused (the line is rejected).
 */
@FunctionalInterface
public interface PushPublisher {
    CompletableFuture<?> publish(NewsArticle article);
}
