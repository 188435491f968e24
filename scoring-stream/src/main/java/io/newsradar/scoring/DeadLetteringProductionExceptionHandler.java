package io.newsradar.scoring;

import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.DefaultProductionExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Production errors (a record the broker refuses, an output that fails to serialize) go to the
 * dead-letter topic and processing continues. Kafka's default handler writes the same
 * dead-letter record but then fails the task, which stops the app on one bad output record.
 * Retriable errors are still retried, as by the default; a missing output topic is one of them,
 * and {@link TopicWatchdog} stops the app when a topic it writes is gone, so an alert is never
 * dead-lettered as if its input were bad.
 *
 * <p>Dead letters are held within {@link DeadLetterBounds}. Streams hands the failure of a dead
 * letter itself to this handler too: when the dead-letter topic refuses one for good, there is
 * nowhere left to put the input, and the handler throws {@link UndeliverableDeadLetterException}
 * (Streams makes an exception thrown here fatal for the thread; {@link ScoringApp} then shuts
 * the client down) rather than dead-letter the dead letter, which would fail the same way.
 */
public class DeadLetteringProductionExceptionHandler extends DefaultProductionExceptionHandler {
    private static final Logger LOG = LoggerFactory.getLogger(DeadLetteringProductionExceptionHandler.class);

    private DeadLetterBounds bounds = DeadLetterBounds.from(Map.of());
    private String deadLetterTopic;

    @Override
    public void configure(Map<String, ?> configs) {
        super.configure(configs);
        bounds = DeadLetterBounds.from(configs);
        Object topic = configs.get(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG);
        deadLetterTopic = topic == null ? null : topic.toString();
    }

    @Override
    public Response handleError(
            ErrorHandlerContext context, ProducerRecord<byte[], byte[]> record, Exception exception) {
        if (record.topic().equals(deadLetterTopic) && !(exception instanceof RetriableException)) {
            throw UndeliverableDeadLetterException.of(record, exception, bounds);
        }
        return resumeInsteadOfFail(super.handleError(context, record, exception), context, record.topic(), exception);
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Response handleSerializationError(
            ErrorHandlerContext context,
            ProducerRecord record,
            Exception exception,
            SerializationExceptionOrigin origin) {
        return resumeInsteadOfFail(
                super.handleSerializationError(context, record, exception, origin), context, record.topic(), exception);
    }

    private Response resumeInsteadOfFail(
            Response response, ErrorHandlerContext context, String topic, Exception exception) {
        if (response.result() != Result.FAIL) {
            return response;
        }
        LOG.warn(
                "could not write to {} for input {}-{}@{}; sending the input record to the dead-letter topic: {}",
                topic,
                context.topic(),
                context.partition(),
                context.offset(),
                exception.toString());
        return Response.resume(bounds.apply(response.deadLetterQueueRecords()));
    }
}
