package io.newsradar.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the reader over the third-party feed test inputs kept outside the repository
 * ({@code <repo root>/../shared/eval/feeds}: rss-parser and gofeed inputs). They are read in
 * place and never copied into the project. Skipped where that directory does not exist.
 */
class EvalFeedsConformanceTest {
    private static final Logger log = LoggerFactory.getLogger(EvalFeedsConformanceTest.class);

    /** Outcome of one eval file. */
    record Outcome(Path file, int articles, int rejectedItems, String feedError) {}

    static Path evalFeeds() {
        // Tests run in the module directory; its parent is the repository root.
        Path repoRoot = Path.of("").toAbsolutePath().getParent();
        return repoRoot.getParent().resolve("shared/eval/feeds");
    }

    private static List<Outcome> readAll(Path dir, String... suffixes) throws IOException {
        FeedReader reader = new FeedReader(new ArticleNormalizer());
        List<Outcome> outcomes = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir)) {
            files = walk.filter(Files::isRegularFile)
                    .filter(p -> Stream.of(suffixes)
                            .anyMatch(s -> p.getFileName().toString().endsWith(s)))
                    .sorted()
                    .toList();
        }
        for (Path file : files) {
            try {
                ArticleReadResult r = reader.readFile(file);
                outcomes.add(new Outcome(file, r.articles().size(), r.errors().size(), null));
            } catch (FeedReadException e) {
                outcomes.add(new Outcome(file, 0, 0, e.getMessage()));
            }
            // Any other exception escapes and fails the test: the reader must sort every input
            // into articles, item errors or a feed error.
        }
        return outcomes;
    }

    private static void report(String name, List<Outcome> outcomes) {
        long failed = outcomes.stream().filter(o -> o.feedError() != null).count();
        int articles = outcomes.stream().mapToInt(Outcome::articles).sum();
        int rejected = outcomes.stream().mapToInt(Outcome::rejectedItems).sum();
        log.info(
                "{}: {} files, {} refused as feeds, {} articles, {} items rejected",
                name,
                outcomes.size(),
                failed,
                articles,
                rejected);
        outcomes.stream().filter(o -> o.feedError() != null).forEach(o -> log.info("  refused: {}", o.feedError()));
    }

    @Test
    void shouldReadRealWorldFeedsOfRssParserSuite() throws IOException {
        Path dir = evalFeeds().resolve("rss-parser/test/input");
        assumeTrue(Files.isDirectory(dir), "eval feeds not present at " + dir + " (optional, lives outside the repo)");

        List<Outcome> outcomes = readAll(dir, ".rss", ".atom", ".xml");
        report("rss-parser", outcomes);

        assertThat(outcomes).isNotEmpty();
        assertThat(outcomes.stream().mapToInt(Outcome::articles).sum()).isPositive();
        assertThat(outcomes.stream().filter(o -> o.feedError() != null).count())
                .as(
                        "feeds refused: %s",
                        outcomes.stream().filter(o -> o.feedError() != null).toList())
                .isLessThanOrEqualTo(REFUSED_RSS_PARSER);
    }

    @Test
    void shouldSortEveryGofeedParserInputIntoArticlesOrErrors() throws IOException {
        Path dir = evalFeeds().resolve("gofeed/testdata/parser");
        assumeTrue(Files.isDirectory(dir), "eval feeds not present at " + dir + " (optional, lives outside the repo)");

        List<Outcome> rss = readAll(dir.resolve("rss"), ".xml");
        List<Outcome> atom = readAll(dir.resolve("atom"), ".xml");
        report("gofeed rss", rss);
        report("gofeed atom", atom);

        assertThat(rss).isNotEmpty();
        assertThat(atom).isNotEmpty();
        assertThat(rss.stream().filter(o -> o.feedError() != null).count()).isLessThanOrEqualTo(REFUSED_GOFEED_RSS);
        assertThat(atom.stream().filter(o -> o.feedError() != null).count()).isLessThanOrEqualTo(REFUSED_GOFEED_ATOM);
    }

    // Baselines measured when this test was written; a rise means a regression. Refused today:
    // rss-parser: unrecognized.rss (an HTML "document moved" page). gofeed rss: 13 = deliberately
    // malformed fixtures, RSS 0.9x/RDF fixtures without a channel, one RSS 0.91 DOCTYPE (refused
    // by design until DOCTYPEs are allowed safely), an invalid namespace URI. gofeed atom: 6
    // malformed fixtures (mismatched end tags, a link without href). Most gofeed fixtures test
    // one field and so have items without title/body or link: those are item rejections.
    private static final long REFUSED_RSS_PARSER = 1;
    private static final long REFUSED_GOFEED_RSS = 13;
    private static final long REFUSED_GOFEED_ATOM = 6;
}
