package io.newsradar.sink;

import io.newsradar.avro.Alert;
import io.newsradar.schemas.config.NewsradarConfig;
import io.newsradar.schemas.topics.TopicDef;
import io.newsradar.schemas.topics.Topics;
import java.time.Duration;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;

/** Creates the sink's Kafka clients with {@link SinkClientConfigs} and the catalogue's serdes. */
final class SinkClients {
    private SinkClients() {}

    static Consumer<String, Alert> newConsumer(NewsradarConfig config) {
        // Every alerts.<route>.v1 topic has the same serdes; take them from the catalogue.
        TopicDef<String, Alert> alerts = Topics.alerts(Topics.DEFENSE_AI_ROUTE);
        return new KafkaConsumer<>(
                SinkClientConfigs.consumer(config),
                alerts.keySerde().deserializer(),
                alerts.valueSerde().deserializer());
    }

    static Producer<String, String> newDeadLetterProducerOrClose(
            NewsradarConfig config, Consumer<String, Alert> consumer) {
        try {
            return new KafkaProducer<>(
                    SinkClientConfigs.deadLetterProducer(config),
                    Topics.DELIVERY_DLQ.keySerde().serializer(),
                    Topics.DELIVERY_DLQ.valueSerde().serializer());
        } catch (RuntimeException e) {
            consumer.close(Duration.ZERO);
            throw e;
        }
    }
}
