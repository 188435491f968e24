package io.newsradar.ingest;

import io.newsradar.avro.NewsArticle;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One-shot ingestion jobs for the CLI: read an input, publish what normalised, report the rest.
 */
public final class IngestJobs {
    private static final Logger log = LoggerFactory.getLogger(IngestJobs.class);

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

    /**
     * Publishes the articles of a read result and waits for every acknowledgement.
     *
     * @throws BrokerUnavailableException when the cluster failed a send (unreachable, topic gone,
     *     access refused): the rest of the input was not sent, and later inputs should not be
     *     tried either; the exception's message names the cluster or topic
     */
    public static IngestSummary publishAll(ArticleReadResult result, ArticlePublisher publisher) {
        // INFO: the CLI prints them in its report already; a service without one logs them here
        result.notes().forEach(n -> log.info("{}", n.message()));
        // A list, not a map: two equal articles in one input are two sends.
        List<Send> sends = new ArrayList<>();
        for (NewsArticle article : result.articles()) {
            sends.add(new Send(article, publisher.publish(article)));
        }
        publisher.flush();
        List<IngestError> rejected = new ArrayList<>(result.errors());
        int published = 0;
        int newIds = 0;
        int notSent = 0;
        for (Send send : sends) {
            try {
                // Bounded without our own timeout: the producer fails a send after delivery.timeout.ms.
                send.ack().join();
                published++;
                if (ArticlePublisher.previousId(send.article()).isPresent()) {
                    newIds++;
                }
            } catch (CompletionException e) {
                Throwable cause = e.getCause() == null ? e : e.getCause();
                if (cause instanceof BrokerUnavailableException) {
                    // one cause for all of them, reported once by the exception below
                    notSent++;
                    continue;
                }
                rejected.add(new IngestError(
                        result.input(),
                        "article " + send.article().getId(),
                        "not published: "
                                + (cause instanceof InvalidArticleException
                                        ? cause.getMessage()
                                        : SendFailures.describe(cause))));
            }
        }
        IngestSummary summary =
                new IngestSummary(result.input(), result.read(), published, rejected, result.notes(), newIds);
        if (publisher.failure().isPresent()) {
            throw new IngestInterruptedException(publisher.failure().get(), summary, notSent);
        }
        return summary;
    }

    private record Send(NewsArticle article, CompletableFuture<?> ack) {}
}
