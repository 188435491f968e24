package io.newsradar.cli;

import io.newsradar.avro.NewsArticle;
import io.newsradar.schemas.config.NewsradarConfig;
import io.newsradar.schemas.topics.ArticleHeaders;
import io.newsradar.schemas.topics.Topics;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "retract",
        mixinStandardHelpOptions = true,
        description = {
            "Retract an article taken down at its source: a tombstone (a record without a value) under the article "
                    + "id on news.raw.v1, on the article's own partition. The scoring stream sends a RETRACTED alert "
                    + "on every route its story alerted on, and alerts no more on that story.",
            "The article is not looked up: a tombstone for an id the stream does not know (never ingested, or older "
                    + "than the story window) is counted and logged there, and changes nothing.",
            "Exit codes: 0 written; 1 invalid input (the argument or option is named); 2 usage; 4 the cluster could "
                    + "not be reached or did not acknowledge the write."
        })
final class RetractCommand implements Callable<Integer> {
    /** Longest reason accepted: it becomes the RETRACTED alert's one-line change. */
    static final int MAX_REASON_LENGTH = 500;
    /** Longest id accepted: ingest's ids are 64 hex digits; anything far longer is a pasted URL or text. */
    static final int MAX_ID_LENGTH = 200;

    @Spec
    CommandSpec spec;

    @Mixin
    ConfigOptions options = new ConfigOptions();

    @Parameters(
            index = "0",
            paramLabel = "ARTICLE_ID",
            description =
                    "The article's id (the key of its news.raw.v1 records; 'tail', 'explain' and alerts show it).")
    String articleId;

    @Option(
            names = "--reason",
            paramLabel = "TEXT",
            description = "Why it was taken down; the RETRACTED alerts carry it (default: taken down at the source).")
    String reason;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<Header> headers;
        String id;
        try {
            id = checkId(articleId);
            headers = headers(reason);
        } catch (IllegalArgumentException e) {
            err.println("newsradar retract: " + e.getMessage());
            err.println("newsradar retract: nothing written");
            err.flush();
            return ExitCodes.FAILED;
        }
        NewsradarConfig config = options.load();
        // names the setting when no broker address is configured
        config.bootstrapServers();
        Pipeline.prepareTopics(options, config, List.of(Topics.NEWS_RAW));
        Instant now = Instant.now();
        RecordMetadata written;
        // news.raw.v1's own key serializer and the default partitioner, as ingest's ArticlePublisher:
        // the tombstone lands on the partition the article's records are on, so the stream task that
        // knows the article sees it, after them
        try (TopicWriter<String, NewsArticle> writer =
                new TopicWriter<>(config, Topics.NEWS_RAW, "newsradar-cli-retract")) {
            // timestamped now: the takedown happens now, and the stream's clock is event time
            written = writer.write(null, now.toEpochMilli(), id, null, headers);
        }
        out.println("retracted " + id + ": tombstone on " + Topics.NEWS_RAW.name() + " partition "
                + written.partition() + " offset " + written.offset()
                + (headers.isEmpty() ? "" : " (reason: " + reason.strip() + ")"));
        out.flush();
        return ExitCodes.OK;
    }

    /**
     * @throws IllegalArgumentException naming ARTICLE_ID and the problem
     */
    static String checkId(String id) {
        String v = id == null ? "" : id.strip();
        if (v.isEmpty()) {
            throw new IllegalArgumentException("ARTICLE_ID: must not be blank");
        }
        if (v.length() > MAX_ID_LENGTH) {
            throw new IllegalArgumentException("ARTICLE_ID: longer than " + MAX_ID_LENGTH
                    + " characters; give the article's id, not its URL or text");
        }
        if (v.chars().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))) {
            throw new IllegalArgumentException("ARTICLE_ID: must not contain spaces or control characters (got '"
                    + v.replaceAll("\\p{Cntrl}", "?") + "')");
        }
        return v;
    }

    /**
     * The retract-reason header when a reason is given, none otherwise (the stream then says "taken
     * down at the source").
     *
     * @throws IllegalArgumentException naming --reason and the problem
     */
    static List<Header> headers(String reason) {
        if (reason == null) {
            return List.of();
        }
        String r = reason.strip();
        if (r.isEmpty()) {
            throw new IllegalArgumentException("--reason: must not be blank (leave it out for the default)");
        }
        if (r.length() > MAX_REASON_LENGTH) {
            throw new IllegalArgumentException("--reason: longer than " + MAX_REASON_LENGTH + " characters");
        }
        if (r.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("--reason: must be one line, without control characters");
        }
        return List.of(new RecordHeader(ArticleHeaders.RETRACT_REASON, r.getBytes(StandardCharsets.UTF_8)));
    }
}
