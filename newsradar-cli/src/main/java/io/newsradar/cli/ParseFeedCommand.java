package io.newsradar.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsradar.avro.NewsArticle;
import io.newsradar.ingest.ArticleNormalizer;
import io.newsradar.ingest.ArticleReadResult;
import io.newsradar.ingest.FeedReadException;
import io.newsradar.ingest.FeedReader;
import io.newsradar.ingest.IngestError;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "parse-feed",
        mixinStandardHelpOptions = true,
        description = {
            "Read feeds and print their normalised articles as JSON lines, without Kafka (no broker, no topics).",
            "Each FILE or http(s) URL may be RSS 0.9x/1.0/2.0, RDF, Atom 0.3/1.0 or JSON Feed 1.0/1.1. It goes "
                    + "through the same reader and normaliser as ingest: one line {\"feed\":F,\"article\":{...}} per "
                    + "article, in feed order, the article as the NewsArticle ingest would publish.",
            "A feed that cannot be read (unreachable, too large, an HTML page, not a feed, invalid XML) gives one line "
                    + "{\"feed\":F,\"error\":REASON} and the next feed is read; the exit code is then 1. An item "
                    + "that does not normalise gives {\"feed\":F,\"item\":N,\"error\":REASON} after the feed's "
                    + "articles; the exit code is then 3 unless a feed failed."
        })
final class ParseFeedCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE|URL", description = "Feed files or http(s) URLs, read in order.")
    List<String> feeds;

    @Option(
            names = "--fetched-at",
            paramLabel = "INSTANT",
            description = "Normalise as if fetched at this time (e.g. 2026-04-20T12:00:00Z); default: now. Sets "
                    + "fetchedAt, and publishedAt where a feed gives none.")
    Instant fetchedAt;

    @Override
    public Integer call() {
        Clock clock = fetchedAt == null ? Clock.systemUTC() : Clock.fixed(fetchedAt, ZoneOffset.UTC);
        FeedReader reader = new FeedReader(new ArticleNormalizer(clock));
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        boolean feedFailed = false;
        boolean itemRejected = false;
        for (String feed : feeds) {
            ArticleReadResult result;
            try {
                result = reader.read(feed);
            } catch (FeedReadException e) {
                feedFailed = true;
                out.println(line(feed).put("error", reason(e.getMessage())));
                continue;
            }
            for (NewsArticle article : result.articles()) {
                out.println(line(feed).set("article", AvroJson.tree(article)));
            }
            for (IngestError e : result.errors()) {
                itemRejected = true;
                out.println(line(feed).put("item", itemNumber(e.location())).put("error", e.reason()));
            }
            for (IngestError note : result.notes()) {
                err.println(feed + " " + note.location() + ": " + note.reason());
            }
        }
        out.flush();
        if (feedFailed) {
            return ExitCodes.FAILED;
        }
        return itemRejected ? ExitCodes.SOME_REJECTED : ExitCodes.OK;
    }

    private static ObjectNode line(String feed) {
        ObjectNode node = JSON.createObjectNode();
        node.put("feed", feed);
        return node;
    }

    /** The reason without the "feed NAME: " the reader puts first; the line names the feed already. */
    static String reason(String message) {
        int colon = message.indexOf(": ");
        if (message.startsWith("feed ")
                && colon > 5
                && message.substring(5, colon).indexOf(' ') < 0) {
            return message.substring(colon + 2);
        }
        return message;
    }

    /** "item 3" is 3; anything else is -1. */
    private static int itemNumber(String location) {
        try {
            return Integer.parseInt(location.replace("item", "").strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
