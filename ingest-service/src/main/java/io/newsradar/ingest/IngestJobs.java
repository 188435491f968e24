package io.newsradar.ingest;

import io.newsradar.avro.NewsArticle;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One-shot ingestion jobs for the CLI: read an input, publish what normalised, report the rest.
 */
public final class IngestJobs {
    /**
     * Sends a file may have unacknowledged at once: enough for the producer to fill its batches,
     * few enough that memory does not grow with the file.
     */
    public static final int DEFAULT_SEND_WINDOW = 4096;

    private static final Logger log = LoggerFactory.getLogger(IngestJobs.class);

    private IngestJobs() {}

    /**
     * Publishes every article of a JSON-lines file.
     *
     * @throws IOException when the file cannot be opened at all (bad lines are in the summary)
     */
    public static IngestSummary publishFile(Path jsonl, ArticlePublisher publisher) throws IOException {
        return publishFile(jsonl, publisher, IngestProgress.silent());
    }

    /** {@link #publishFile(Path, ArticlePublisher)}, telling {@code progress} how far it is. */
    public static IngestSummary publishFile(Path jsonl, ArticlePublisher publisher, IngestProgress progress)
            throws IOException {
        return publishFile(
                jsonl, publisher, new JsonLinesArticleReader(new ArticleNormalizer()), progress, DEFAULT_SEND_WINDOW);
    }

    public static IngestSummary publishFile(Path jsonl, ArticlePublisher publisher, JsonLinesArticleReader reader)
            throws IOException {
        return publishFile(jsonl, publisher, reader, IngestProgress.silent(), DEFAULT_SEND_WINDOW);
    }

    /**
     * Reads the file line by line and publishes as it goes, with at most {@code sendWindow} sends
     * unacknowledged, so a file of any size needs little memory. A bad line is rejected with its
     * number and the lines after it still go. The first cluster failure stops the reading.
     *
     * @throws IOException when the file cannot be opened (a read error part-way is a rejection in
     *     the summary: what was read before it was published)
     * @throws IngestInterruptedException when the cluster failed a send; carries the summary so far
     */
    static IngestSummary publishFile(
            Path jsonl,
            ArticlePublisher publisher,
            JsonLinesArticleReader reader,
            IngestProgress progress,
            int sendWindow)
            throws IOException {
        try (ArticleLines lines = reader.open(jsonl)) {
            String input = lines.inputName();
            SendWindow sends = new SendWindow(publisher, input, sendWindow);
            List<IngestError> notes = new ArrayList<>();
            IngestProgress.Meter meter = progress.start(input, lines.size());
            int read = 0;
            boolean stoppedEarly = false;
            while (true) {
                ArticleLines.ArticleLine line;
                try {
                    line = lines.next();
                } catch (IOException e) {
                    sends.reject(new IngestError(
                            input,
                            "after line " + lines.lineNumber(),
                            "cannot read further: " + SendFailures.describe(e)));
                    break;
                }
                if (line == null) {
                    break;
                }
                read++;
                if (line.article() == null) {
                    sends.reject(line.error());
                } else {
                    line.notes().forEach(IngestJobs::logNote);
                    notes.addAll(line.notes());
                    sends.send(line.article().article());
                }
                meter.update(
                        lines.lineNumber(),
                        lines.bytesRead(),
                        sends.published(),
                        sends.rejected().size());
                if (publisher.failure().isPresent()) {
                    // every later send would fail the same way: stop reading here
                    stoppedEarly = true;
                    break;
                }
            }
            sends.finish();
            IngestSummary summary =
                    new IngestSummary(input, read, sends.published(), sends.rejected(), notes, sends.newIds());
            if (publisher.failure().isPresent()) {
                String unread = stoppedEarly ? "the file was not read past line " + lines.lineNumber() : null;
                throw new IngestInterruptedException(publisher.failure().get(), summary, sends.notSent(), unread);
            }
            return summary;
        }
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
        result.notes().forEach(IngestJobs::logNote);
        SendWindow sends = new SendWindow(publisher, result.input(), DEFAULT_SEND_WINDOW);
        result.errors().forEach(sends::reject);
        // Two equal articles in one input are two sends.
        for (NewsArticle article : result.articles()) {
            sends.send(article);
        }
        sends.finish();
        IngestSummary summary = new IngestSummary(
                result.input(), result.read(), sends.published(), sends.rejected(), result.notes(), sends.newIds());
        if (publisher.failure().isPresent()) {
            throw new IngestInterruptedException(publisher.failure().get(), summary, sends.notSent(), null);
        }
        return summary;
    }

    private static void logNote(IngestError note) {
        // INFO: the CLI prints them in its report already; a service without one logs them here
        log.info("{}", note.message());
    }
}
