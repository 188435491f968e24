package io.newsradar.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsradar.avro.IngestChannel;
import io.newsradar.avro.NewsArticle;
import io.newsradar.schemas.config.NewsradarConfig;
import io.newsradar.schemas.limits.ArticleLimits;
import io.newsradar.schemas.topics.ArticleHeaders;
import io.newsradar.schemas.topics.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

class ArticlePublisherTest {

    static NewsArticle article(String url, Instant publishedAt) {
        return new ArticleNormalizer()
                .normalize(new RawArticle(
                        url,
                        null,
                        "Harbor City Ledger",
                        "Title",
                        "Body text.",
                        null,
                        "en",
                        publishedAt,
                        null,
                        IngestChannel.FILE));
    }

    static MockProducer<String, NewsArticle> mockProducer(boolean autoComplete) {
        return new MockProducer<>(
                autoComplete,
                null,
                Topics.NEWS_RAW.keySerde().serializer(),
                Topics.NEWS_RAW.valueSerde().serializer());
    }

    @Test
    void shouldSendToRawTopicKeyedByIdWithPublishTimeAsTimestamp() {
        MockProducer<String, NewsArticle> producer = mockProducer(true);
        NewsArticle a = article("https://example.com/a", Instant.parse("2025-03-01T08:00:00.123Z"));

        try (ArticlePublisher publisher = new ArticlePublisher(producer)) {
            CompletableFuture<RecordMetadata> ack = publisher.publish(a);
            assertThat(ack).isCompleted();
            assertThat(ack.join().topic()).isEqualTo(Topics.NEWS_RAW.name());
        }

        ProducerRecord<String, NewsArticle> sent = producer.history().get(0);
        assertThat(sent.topic()).isEqualTo(Topics.NEWS_RAW.name());
        assertThat(sent.key()).isEqualTo(a.getId());
        assertThat(sent.value()).isEqualTo(a);
        assertThat(sent.timestamp())
                .isEqualTo(Instant.parse("2025-03-01T08:00:00.123Z").toEpochMilli());
        assertThat(producer.closed()).isTrue();
    }

    @Test
    void shouldNameThePreviousIdOnTheRecordWhenTheIdSchemeChangedTheId() {
        MockProducer<String, NewsArticle> producer = mockProducer(true);
        NewsArticle www = article("http://www.example.com/a", null);
        NewsArticle plain = article("https://example.com/b", null);

        try (ArticlePublisher publisher = new ArticlePublisher(producer)) {
            publisher.publish(www);
            publisher.publish(plain);
        }

        ProducerRecord<String, NewsArticle> changed = producer.history().get(0);
        assertThat(header(changed, ArticleHeaders.ID_SCHEME)).isEqualTo("2");
        assertThat(header(changed, ArticleHeaders.PREVIOUS_ID))
                .isEqualTo(
                        ArticleIds.previousSchemeId("http://www.example.com/a").orElseThrow())
                .isNotEqualTo(www.getId());
        ProducerRecord<String, NewsArticle> same = producer.history().get(1);
        assertThat(header(same, ArticleHeaders.ID_SCHEME)).isEqualTo("2");
        assertThat(same.headers().lastHeader(ArticleHeaders.PREVIOUS_ID)).isNull();
    }

    private static String header(ProducerRecord<?, ?> record, String name) {
        Header h = record.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    @Test
    void shouldCompleteFutureOnlyWhenBrokerAcknowledges() {
        MockProducer<String, NewsArticle> producer = mockProducer(false);
        ArticlePublisher publisher = new ArticlePublisher(producer);

        CompletableFuture<RecordMetadata> ack = publisher.publish(article("https://example.com/a", null));
        assertThat(ack).isNotDone();
        producer.completeNext();
        assertThat(ack).isCompleted();
    }

    @Test
    void shouldFailFutureWithSendError() {
        MockProducer<String, NewsArticle> producer = mockProducer(false);
        ArticlePublisher publisher = new ArticlePublisher(producer);

        CompletableFuture<RecordMetadata> ack = publisher.publish(article("https://example.com/a", null));
        producer.errorNext(new TimeoutException("broker gone"));

        assertThat(ack).isCompletedExceptionally();
        assertThatThrownBy(ack::join)
                .hasCauseInstanceOf(BrokerUnavailableException.class)
                .hasRootCauseInstanceOf(TimeoutException.class)
                .hasMessageContaining("broker gone");
    }

    @Test
    void shouldFailEveryLaterArticleAtOnceAfterTheClusterFailedASend() {
        MockProducer<String, NewsArticle> producer = mockProducer(false);
        ArticlePublisher publisher = new ArticlePublisher(producer);

        CompletableFuture<RecordMetadata> first = publisher.publish(article("https://example.com/a", null));
        producer.errorNext(new TimeoutException("Expiring 1 record(s) for news.raw.v1-0"));
        CompletableFuture<RecordMetadata> second = publisher.publish(article("https://example.com/b", null));

        assertThat(first).isCompletedExceptionally();
        assertThat(second).isCompletedExceptionally();
        assertThatThrownBy(second::join)
                .hasCauseInstanceOf(BrokerUnavailableException.class)
                .hasMessageContaining(Topics.NEWS_RAW.name())
                .hasMessageContaining("Expiring 1 record(s)");
        assertThat(producer.history()).hasSize(1); // the second was never handed to the producer
        assertThat(publisher.failure()).isPresent();
    }

    @Test
    void shouldTryTheClusterAgainAfterTheFailFastHoldOfAServicePublisher() {
        MockProducer<String, NewsArticle> producer = mockProducer(false);
        java.util.concurrent.atomic.AtomicLong nanos = new java.util.concurrent.atomic.AtomicLong();
        ArticlePublisher publisher = new ArticlePublisher(producer, java.time.Duration.ofSeconds(5), nanos::get);

        publisher.publish(article("https://example.com/a", null));
        producer.errorNext(new TimeoutException("Expiring 1 record(s) for news.raw.v1-0"));
        nanos.addAndGet(java.time.Duration.ofSeconds(4).toNanos());
        // within the hold: fails at once, never handed to the producer
        assertThat(publisher.publish(article("https://example.com/b", null))).isCompletedExceptionally();
        assertThat(publisher.failure()).isPresent();
        assertThat(producer.history()).hasSize(1);

        nanos.addAndGet(java.time.Duration.ofSeconds(1).toNanos());
        // the hold is over: the cluster is tried again, and an acknowledgement completes the send
        assertThat(publisher.failure()).isEmpty();
        CompletableFuture<RecordMetadata> third = publisher.publish(article("https://example.com/c", null));
        assertThat(producer.history()).hasSize(2);
        producer.completeNext();
        assertThat(third).isCompleted().isNotCompletedExceptionally();
    }

    @Test
    void shouldRejectOnlyTheRecordForARecordErrorAndGoOn() {
        MockProducer<String, NewsArticle> producer = mockProducer(false);
        ArticlePublisher publisher = new ArticlePublisher(producer);

        CompletableFuture<RecordMetadata> first = publisher.publish(article("https://example.com/a", null));
        producer.errorNext(new RecordTooLargeException("too big"));
        CompletableFuture<RecordMetadata> second = publisher.publish(article("https://example.com/b", null));
        producer.completeNext();

        assertThatThrownBy(first::join).hasCauseInstanceOf(RecordTooLargeException.class);
        assertThat(second).isCompleted();
        assertThat(publisher.failure()).isEmpty();
    }

    @Test
    void shouldNeverHandAnArticleOverTheSizeLimitsToTheProducer() {
        MockProducer<String, NewsArticle> producer = mockProducer(true);
        NewsArticle huge = article("https://example.com/a", null);
        huge.setTitle("t".repeat(ArticleLimits.MAX_FIELD_BYTES + 1)); // built past the normaliser
        ArticlePublisher publisher = new ArticlePublisher(producer);

        CompletableFuture<RecordMetadata> ack = publisher.publish(huge);

        assertThatThrownBy(ack::join)
                .hasCauseInstanceOf(InvalidArticleException.class)
                .hasMessageContaining("title is");
        assertThat(producer.history()).isEmpty();
        assertThat(publisher.failure()).isEmpty();
    }

    @Test
    void shouldBoundTheProducerWaitsUnlessTheOperatorSetThem() {
        NewsradarConfig config = NewsradarConfig.defaults()
                .with("kafka.bootstrap.servers", "127.0.0.1:9")
                .with(BrokerWait.CONFIG_KEY, "4000");
        assertThat(ArticlePublisher.producerConfig(config))
                .containsEntry("max.block.ms", "4000")
                .containsEntry("request.timeout.ms", "4000")
                .containsEntry("delivery.timeout.ms", "8000");

        Map<String, Object> own = ArticlePublisher.producerConfig(
                config.with("kafka.max.block.ms", "1234").with("kafka.linger.ms", "9000"));
        assertThat(own).containsEntry("max.block.ms", "1234").containsEntry("delivery.timeout.ms", "13000");
    }

    @Test
    void shouldFailFutureInsteadOfThrowingWhenProducerIsClosed() {
        MockProducer<String, NewsArticle> producer = mockProducer(true);
        ArticlePublisher publisher = new ArticlePublisher(producer);
        publisher.close();

        assertThat(publisher.publish(article("https://example.com/a", null))).isCompletedExceptionally();
    }

    @Test
    void shouldFailFutureForArticleThatCannotBeSerialized() {
        NewsArticle broken = article("https://example.com/a", null);
        broken.setSource(null); // a required Avro field
        ArticlePublisher publisher = new ArticlePublisher(mockProducer(true));

        assertThat(publisher.publish(broken)).isCompletedExceptionally();
    }

    @Test
    void shouldForceIdempotenceAndAcksAllOverOperatorSettings() {
        NewsradarConfig config = NewsradarConfig.defaults()
                .with("kafka.bootstrap.servers", "127.0.0.1:9")
                .with("kafka.acks", "1")
                .with("kafka.enable.idempotence", "false")
                .with("kafka.linger.ms", "5");

        Map<String, Object> props = ArticlePublisher.producerConfig(config);

        assertThat(props)
                .containsEntry("bootstrap.servers", "127.0.0.1:9")
                .containsEntry("acks", "all")
                .containsEntry("enable.idempotence", true)
                .containsEntry("linger.ms", "5")
                .containsEntry("client.id", "newsradar-ingest");
    }

    @Test
    void shouldNameTheMissingBootstrapSetting() {
        assertThatThrownBy(() -> new ArticlePublisher(NewsradarConfig.defaults()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("kafka.bootstrap.servers");
    }
}
