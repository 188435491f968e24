package io.newsradar.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsradar.avro.IngestChannel;
import io.newsradar.avro.NewsArticle;
import io.newsradar.schemas.config.NewsradarConfig;
import io.newsradar.schemas.topics.Topics;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.TimeoutException;
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
        assertThatThrownBy(ack::join).hasCauseInstanceOf(TimeoutException.class).hasMessageContaining("broker gone");
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
