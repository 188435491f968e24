package io.newsradar.scoring;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.streams.errors.DefaultProductionExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Production errors (a record the broker refuses, an output that fails to serialize) go to the
 * dead-letter topic and processing continues. Kafka's default handler writes the same
 * dead-letter record but then fails the task, which stops the app on one bad output record.
 * Retriable errors are still retried, as by the default.
 */
public class DeadLetteringProductionExceptionHandler extends DefaultProductionExceptionHandler {
    private static final Logger LOG = LoggerFactory.getLogger(DeadLetteringProductionExceptionHandler.class);

    @Override
    public Response handleError(
            ErrorHandlerContext context, ProducerRecord<byte[], byte[]> record, Exception exception) {
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

    private static Response resumeInsteadOfFail(
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
        return Response.resume(response.deadLetterQueueRecords());
    }
}
