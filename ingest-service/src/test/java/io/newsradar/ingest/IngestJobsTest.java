package io.newsradar.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsradar.avro.NewsArticle;
import io.newsradar.schemas.limits.ArticleLimits;
import io.newsradar.schemas.topics.Topics;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IngestJobsTest {
    @TempDir
    Path dir;

    @Test
    void shouldPublishGoodLinesOfFileAndReportBadOnes() throws IOException {
        Path file = dir.resolve("in.jsonl");
        Files.write(
                file,
                List.of(
                        "{\"url\":\"https://example.com/1\",\"title\":\"one\"}",
                        "not json",
                        "{\"url\":\"https://example.com/2\",\"title\":\"two\"}"),
                StandardCharsets.UTF_8);
        MockProducer<String, NewsArticle> producer = ArticlePublisherTest.mockProducer(true);

        IngestSummary summary = IngestJobs.publishFile(file, new ArticlePublisher(producer));

        assertThat(summary.read()).isEqualTo(3);
        assertThat(summary.published()).isEqualTo(2);
        assertThat(summary.rejected())
                .singleElement()
                .extracting(IngestError::location)
                .isEqualTo("line 2");
        assertThat(summary.complete()).isFalse();
        assertThat(summary.describe()).isEqualTo(file + ": read 3, published 2, rejected 1");
        assertThat(producer.history()).extracting(r -> r.value().getTitle()).containsExactly("one", "two");
        assertThat(producer.flushed()).isTrue();
    }

    @Test
    void shouldPublishFeedItems() throws Exception {
        MockProducer<String, NewsArticle> producer = ArticlePublisherTest.mockProducer(true);

        IngestSummary summary = IngestJobs.publishFeed(
                FeedReaderTest.fixture("bad-item.xml").toString(), new ArticlePublisher(producer));

        assertThat(summary.read()).isEqualTo(3);
        assertThat(summary.published()).isEqualTo(1);
        assertThat(summary.rejected()).extracting(IngestError::location).containsExactly("item 1", "item 3");
        assertThat(producer.history())
                .singleElement()
                .satisfies(r -> assertThat(r.value().getTitle()).isEqualTo("Good item"));
    }

    @Test
    void shouldCountFailedSendsAsRejectedWithReason() throws Exception {
        // Not auto-completing: fail the first send and acknowledge the rest once all are sent.
        MockProducer<String, NewsArticle> producer =
                new MockProducer<>(
                        false,
                        null,
                        Topics.NEWS_RAW.keySerde().serializer(),
                        Topics.NEWS_RAW.valueSerde().serializer()) {
                    @Override
                    public synchronized void flush() {
                        errorNext(new RecordTooLargeException("too big"));
                        while (completeNext()) {
                            // acknowledge the rest
                        }
                    }
                };

        IngestSummary summary =
                IngestJobs.publishFeed(FeedReaderTest.fixture("rss2.xml").toString(), new ArticlePublisher(producer));

        assertThat(summary.read()).isEqualTo(3);
        assertThat(summary.published()).isEqualTo(2);
        assertThat(summary.rejected()).singleElement().satisfies(e -> {
            assertThat(e.location()).startsWith("article ");
            assertThat(e.reason()).isEqualTo("not published: RecordTooLargeException: too big");
        });
    }

    @Test
    void shouldPublishTheTeamSampleFeeds() throws Exception {
        Path samples = Path.of("").toAbsolutePath().getParent().resolve("config/samples/feeds");
        List<Path> feeds;
        try (var files = Files.list(samples)) {
            feeds = files.filter(p -> p.toString().endsWith(".xml")).sorted().toList();
        }
        assertThat(feeds).hasSizeGreaterThanOrEqualTo(2);
        for (Path feed : feeds) {
            MockProducer<String, NewsArticle> producer = ArticlePublisherTest.mockProducer(true);
            IngestSummary summary = IngestJobs.publishFeed(feed.toString(), new ArticlePublisher(producer));
            assertThat(summary.complete())
                    .as(summary.describe() + " " + summary.rejected())
                    .isTrue();
            assertThat(summary.published()).isBetween(3, 4);
        }
    }

    @Test
    void shouldStopAtTheFirstClusterFailureAndSayHowManyWereNotSent() throws Exception {
        MockProducer<String, NewsArticle> producer =
                new MockProducer<>(
                        false,
                        null,
                        Topics.NEWS_RAW.keySerde().serializer(),
                        Topics.NEWS_RAW.valueSerde().serializer()) {
                    @Override
                    public synchronized void flush() {
                        while (errorNext(new TimeoutException("Expiring 1 record(s) for news.raw.v1-0"))) {
                            // every batch expired: the broker went away
                        }
                    }
                };

        assertThatThrownBy(() -> IngestJobs.publishFeed(
                        FeedReaderTest.fixture("rss2.xml").toString(), new ArticlePublisher(producer)))
                .isInstanceOfSatisfying(IngestInterruptedException.class, e -> {
                    assertThat(e.partial().published()).isZero();
                    assertThat(e.partial().rejected()).isEmpty();
                })
                .hasMessageContaining("cannot publish to " + Topics.NEWS_RAW.name())
                .hasMessageContaining("3 of 3 records not published");
    }

    @Test
    void shouldRejectALineWithAnOverlongTitleAndTruncateALongBodySayingWhereBoth() throws IOException {
        Path file = dir.resolve("sizes.jsonl");
        String hugeTitle = "t".repeat(9 * 1024);
        String longBody = "word ".repeat(ArticleLimits.MAX_BODY_BYTES / 4);
        Files.write(
                file,
                List.of(
                        "{\"url\":\"https://example.com/1\",\"title\":\"one\"}",
                        "{\"url\":\"https://example.com/2\",\"title\":\"" + hugeTitle + "\"}",
                        "{\"url\":\"https://example.com/3\",\"title\":\"three\",\"body\":\"" + longBody + "\"}"),
                StandardCharsets.UTF_8);
        MockProducer<String, NewsArticle> producer = ArticlePublisherTest.mockProducer(true);

        IngestSummary summary = IngestJobs.publishFile(file, new ArticlePublisher(producer));

        assertThat(summary.published()).isEqualTo(2);
        assertThat(summary.rejected()).singleElement().satisfies(e -> {
            assertThat(e.location()).isEqualTo("line 2");
            assertThat(e.reason()).contains("title is 9216 bytes");
        });
        assertThat(summary.notes()).singleElement().satisfies(n -> {
            assertThat(n.location()).isEqualTo("line 3");
            assertThat(n.reason()).contains("truncated");
        });
        assertThat(summary.describe()).isEqualTo(file + ": read 3, published 2, rejected 1, truncated 1");
        assertThat(producer.history())
                .allSatisfy(r -> assertThat(ArticleLimits.violation(r.value())).isEmpty());
    }

    @Test
    void shouldCountPublishedArticlesWhoseIdChangedWithTheIdScheme() throws IOException {
        Path file = dir.resolve("ids.jsonl");
        Files.write(
                file,
                List.of(
                        "{\"url\":\"https://example.com/same\",\"title\":\"kept its id\"}",
                        "{\"url\":\"https://www.example.com/www\",\"title\":\"www link\"}",
                        "{\"url\":\"http://example.com/http\",\"title\":\"http link\"}"),
                StandardCharsets.UTF_8);

        IngestSummary summary =
                IngestJobs.publishFile(file, new ArticlePublisher(ArticlePublisherTest.mockProducer(true)));

        assertThat(summary.published()).isEqualTo(3);
        assertThat(summary.newIds()).isEqualTo(2);
    }
}
