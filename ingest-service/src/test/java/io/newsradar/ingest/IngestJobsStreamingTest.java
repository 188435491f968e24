package io.newsradar.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsradar.avro.NewsArticle;
import io.newsradar.schemas.topics.Topics;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ingest --file} on a long file: read and published line by line, with progress lines. */
class IngestJobsStreamingTest {
    private static final Pattern PROGRESS = Pattern.compile(
            "(.+): ([\\d,]+) lines read \\((\\d+)%\\), ([\\d,]+) published, ([\\d,]+) rejected, ([\\d,]+)/s");

    @TempDir
    Path dir;

    @Test
    void shouldPublishALongFileWithinTheSendWindowPrintingProgressAndNamingTheBadLine() throws IOException {
        Path file = articles(50_000, 25_000);
        // acknowledges only on flush: without the window every send would stay unacknowledged
        CountingProducer producer = new CountingProducer(false);
        List<String> progress = new ArrayList<>();
        FakeClock clock = new FakeClock(Duration.ofMillis(1));

        IngestSummary summary = IngestJobs.publishFile(
                file,
                new ArticlePublisher(producer),
                new JsonLinesArticleReader(new ArticleNormalizer()),
                IngestProgress.every(Duration.ofSeconds(2), clock, progress::add),
                1_000);

        assertThat(summary.read()).isEqualTo(50_000);
        assertThat(summary.published()).isEqualTo(49_999);
        assertThat(summary.rejected()).singleElement().satisfies(e -> {
            assertThat(e.input()).isEqualTo(file.toString());
            assertThat(e.location()).isEqualTo("line 25000");
            assertThat(e.reason()).startsWith("not valid JSON");
        });
        assertThat(summary.describe()).isEqualTo(file + ": read 50000, published 49999, rejected 1");
        assertThat(producer.history()).hasSize(49_999);
        assertThat(producer.history().get(24_999).value().getTitle()).isEqualTo("article 25001");
        assertThat(producer.maxUnacknowledged()).isEqualTo(1_000);

        assertThat(progress).hasSizeGreaterThan(5);
        long lastLines = 0;
        long lastPercent = -1;
        long lastPublished = -1;
        for (String line : progress) {
            Matcher m = PROGRESS.matcher(line);
            assertThat(m.matches()).as(line).isTrue();
            assertThat(m.group(1)).isEqualTo(file.toString());
            long lines = number(m.group(2));
            long percent = Long.parseLong(m.group(3));
            long published = number(m.group(4));
            assertThat(lines).as(line).isGreaterThan(lastLines).isLessThanOrEqualTo(50_000);
            assertThat(percent).as(line).isGreaterThanOrEqualTo(lastPercent).isLessThanOrEqualTo(100);
            assertThat(published).as(line).isGreaterThanOrEqualTo(lastPublished).isLessThanOrEqualTo(lines);
            // no more behind than the window (and the bad line)
            assertThat(lines - published).as(line).isLessThanOrEqualTo(1_001);
            assertThat(number(m.group(5))).as(line).isEqualTo(lines >= 25_000 ? 1 : 0);
            lastLines = lines;
            lastPercent = percent;
            lastPublished = published;
        }
        assertThat(progress.get(0)).contains(",");
        assertThat(lastPercent).isGreaterThan(80);
    }

    @Test
    void shouldSayHowFastOverTheLastInterval() throws IOException {
        Path file = articles(10, -1);
        List<String> progress = new ArrayList<>();
        // one second per clock reading: the start, then one per line
        FakeClock clock = new FakeClock(Duration.ofSeconds(1));

        IngestJobs.publishFile(
                file,
                new ArticlePublisher(ArticlePublisherTest.mockProducer(true)),
                new JsonLinesArticleReader(new ArticleNormalizer()),
                IngestProgress.every(Duration.ofSeconds(2), clock, progress::add),
                100);

        assertThat(progress).hasSize(5);
        assertThat(progress.get(0)).startsWith(file + ": 2 lines read (").endsWith(", 2 published, 0 rejected, 1/s");
        assertThat(progress.get(4)).isEqualTo(file + ": 10 lines read (100%), 10 published, 0 rejected, 1/s");
    }

    @Test
    void shouldPrintNothingForAFileDoneWithinTheFirstInterval() throws IOException {
        Path file = articles(3_000, -1);
        List<String> progress = new ArrayList<>();
        FakeClock clock = new FakeClock(Duration.ofNanos(100));

        IngestSummary summary = IngestJobs.publishFile(
                file,
                new ArticlePublisher(ArticlePublisherTest.mockProducer(true)),
                new JsonLinesArticleReader(new ArticleNormalizer()),
                IngestProgress.every(Duration.ofSeconds(2), clock, progress::add),
                IngestJobs.DEFAULT_SEND_WINDOW);

        assertThat(summary.published()).isEqualTo(3_000);
        assertThat(progress).isEmpty();
    }

    @Test
    void shouldStopReadingAtTheFirstClusterFailureWithThePartialSummary() throws IOException {
        Path file = articles(1_000, -1);
        CountingProducer producer = new CountingProducer(false) {
            @Override
            public synchronized void flush() {
                while (errorNext(new TimeoutException("Expiring 1 record(s) for news.raw.v1-0"))) {
                    // every batch expired: the broker went away
                }
            }
        };

        assertThatThrownBy(() -> IngestJobs.publishFile(
                        file,
                        new ArticlePublisher(producer),
                        new JsonLinesArticleReader(new ArticleNormalizer()),
                        IngestProgress.silent(),
                        100))
                .isInstanceOfSatisfying(IngestInterruptedException.class, e -> {
                    // the window's 100 sends, and the one that found the publisher failed
                    assertThat(e.partial().read()).isEqualTo(101);
                    assertThat(e.partial().published()).isZero();
                    assertThat(e.partial().rejected()).isEmpty();
                })
                .hasMessageContaining("cannot publish to " + Topics.NEWS_RAW.name())
                .hasMessageContaining(
                        "101 of 101 records not published because of it; the file was not read past line 101");
        assertThat(producer.history()).hasSize(100);
    }

    /** {@code count} article lines, line {@code badLine} (from 1; none when negative) not JSON. */
    private Path articles(int count, int badLine) throws IOException {
        Path file = dir.resolve("articles-" + count + ".jsonl");
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (int i = 1; i <= count; i++) {
                if (i == badLine) {
                    w.write("not json");
                } else {
                    w.write("{\"url\":\"https://example.com/a/" + i + "\",\"title\":\"article " + i
                            + "\",\"body\":\"Body of article " + i + ".\",\"language\":\"en\""
                            + ",\"publishedAt\":\"2025-03-01T08:00:00Z\"}");
                }
                w.newLine();
            }
        }
        return file;
    }

    private static long number(String grouped) {
        return Long.parseLong(grouped.replace(",", ""));
    }

    /** A clock that moves on by {@code step} each time it is read. */
    private static final class FakeClock implements java.util.function.LongSupplier {
        private final long stepNanos;
        private final AtomicLong now = new AtomicLong(1_000_000_000L);

        FakeClock(Duration step) {
            this.stepNanos = step.toNanos();
        }

        @Override
        public long getAsLong() {
            return now.getAndAdd(stepNanos);
        }
    }

    /** A mock producer that records the most sends it ever had unacknowledged at once. */
    private static class CountingProducer extends MockProducer<String, NewsArticle> {
        private final AtomicLong unacknowledged = new AtomicLong();
        private final AtomicLong max = new AtomicLong();

        CountingProducer(boolean autoComplete) {
            super(
                    autoComplete,
                    null,
                    Topics.NEWS_RAW.keySerde().serializer(),
                    Topics.NEWS_RAW.valueSerde().serializer());
        }

        @Override
        public synchronized Future<RecordMetadata> send(ProducerRecord<String, NewsArticle> record, Callback callback) {
            max.accumulateAndGet(unacknowledged.incrementAndGet(), Math::max);
            return super.send(record, (metadata, error) -> {
                unacknowledged.decrementAndGet();
                if (callback != null) {
                    callback.onCompletion(metadata, error);
                }
            });
        }

        long maxUnacknowledged() {
            return max.get();
        }
    }
}
