package io.newsradar.cli;

import io.newsradar.ingest.ArticlePublisher;
import io.newsradar.ingest.FeedReadException;
import io.newsradar.ingest.IngestError;
import io.newsradar.ingest.IngestJobs;
import io.newsradar.ingest.IngestSummary;
import io.newsradar.schemas.config.NewsradarConfig;
import io.newsradar.schemas.topics.Topics;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(
        name = "ingest",
        mixinStandardHelpOptions = true,
        description = "Publish articles to news.raw.v1 from JSON-lines files and RSS/Atom feeds (URL or file). "
                + "Bad lines and items are reported with file and line; the rest is still published. "
                + "Exit code 0 when everything was published, 3 when some input was rejected.")
final class IngestCommand implements Callable<Integer> {
    static final int EXIT_SOME_REJECTED = ExitCodes.SOME_REJECTED;

    @Spec
    CommandSpec spec;

    @Mixin
    ConfigOptions options = new ConfigOptions();

    @Option(names = "--file", paramLabel = "FILE.jsonl", description = "JSON-lines file of articles (repeatable).")
    List<Path> files = new ArrayList<>();

    @Option(
            names = "--feed",
            paramLabel = "URL|FILE",
            description = "RSS or Atom feed, by URL or local file (repeatable).")
    List<String> feeds = new ArrayList<>();

    @Override
    public Integer call() {
        if (files.isEmpty() && feeds.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "give at least one --file or --feed");
        }
        PrintWriter out = spec.commandLine().getOut();
        NewsradarConfig config = options.load();
        Pipeline.prepareTopics(options, config, List.of(Topics.NEWS_RAW));
        List<IngestSummary> summaries = new ArrayList<>();
        try (ArticlePublisher publisher = new ArticlePublisher(config)) {
            for (Path f : files) {
                summaries.add(publishFile(f, publisher));
            }
            for (String feed : feeds) {
                summaries.add(publishFeed(feed, publisher));
            }
            publisher.close(Duration.ofSeconds(30));
        }
        return report(out, summaries, spec.commandLine().getErr()) ? 0 : EXIT_SOME_REJECTED;
    }

    /** One file; a file that cannot be read at all is one rejected source, and the others still go. */
    static IngestSummary publishFile(Path file, ArticlePublisher publisher) {
        try {
            return IngestJobs.publishFile(file, publisher);
        } catch (IOException | RuntimeException e) {
            return unreadable(file.toString(), e);
        }
    }

    /** One feed; a feed that cannot be fetched or parsed is one rejected source, and the others still go. */
    static IngestSummary publishFeed(String feed, ArticlePublisher publisher) {
        try {
            return IngestJobs.publishFeed(feed, publisher);
        } catch (FeedReadException | RuntimeException e) {
            return unreadable(feed, e);
        }
    }

    private static IngestSummary unreadable(String input, Exception e) {
        return new IngestSummary(input, 0, 0, List.of(new IngestError(input, "whole input", Newsradar.describe(e))));
    }

    /** Prints one line per source and every error; true when nothing was rejected. */
    static boolean report(PrintWriter out, List<IngestSummary> summaries, PrintWriter err) {
        boolean clean = true;
        for (IngestSummary s : summaries) {
            out.println(s.describe());
            for (IngestError e : s.rejected()) {
                err.println("  rejected: " + e.message());
                clean = false;
            }
        }
        out.flush();
        err.flush();
        return clean;
    }
}
