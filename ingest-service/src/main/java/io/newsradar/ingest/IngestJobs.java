package io.newsradar.ingest;

import io.newsradar.avro.NewsArticle;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * One-shot ingestion jobs for the CLI: read an input, publish what normalised, report the rest.
 */
public final class IngestJobs {
    private IngestJobs() {}

    /**
     * Publishes every article of a JSON-lines file.
     *
     * @throws IOException when the file cannot be read at all (bad lines are in the summary)
     */
    public static IngestSummary publishFile(Path jsonl, ArticlePublisher publisher) throws IOException {
        return publishFile(jsonl, publisher, new JsonLinesArticleReader(new ArticleNormalizer()));
    }

    public static IngestSummary publishFile(Path jsonl, ArticlePublisher publisher, JsonLinesArticleReader reader)
            throws IOException {
        return publishAll(reader.read(jsonl), publisher);
    }

    /**
     * Publishes every item of an RSS/Atom feed, from an http(s) URL or a local file.
     *
     * @throws FeedReadException when the feed cannot be read at all (bad items are in the summary)
     */
    public static IngestSummary publishFeed(String urlOrPath, ArticlePublisher publisher) throws FeedReadException {
        return publishFeed(urlOrPath, publisher, new FeedReader(new ArticleNormalizer()));
    }

    public static IngestSummary publishFeed(String urlOrPath, ArticlePublisher publisher, FeedReader reader)
            throws FeedReadException {
        return publishAll(reader.read(urlOrPath), publisher);
    }

    /** Publishes the articles of a read result and waits for every acknowledgement. */
    public static IngestSummary publishAll(ArticleReadResult result, ArticlePublisher publisher) {
        // A list, not a map: two equal articles in one input are two sends.
        List<Send> sends = new ArrayList<>();
        for (NewsArticle article : result.articles()) {
            sends.add(new Send(article.getId(), publisher.publish(article)));
        }
        publisher.flush();
        List<IngestError> rejected = new ArrayList<>(result.errors());
        int published = 0;
        for (Send send : sends) {
            try {
                // Bounded without our own timeout: the producer fails a send after delivery.timeout.ms.
                send.ack().join();
                published++;
            } catch (CompletionException e) {
                Throwable cause = e.getCause() == null ? e : e.getCause();
                rejected.add(new IngestError(
                        result.input(),
                        "article " + send.articleId(),
                        "not published: " + cause.getClass().getSimpleName() + ": " + cause.getMessage()));
            }
        }
        return new IngestSummary(result.input(), result.read(), published, rejected);
    }

    private record Send(String articleId, CompletableFuture<?> ack) {}
}
