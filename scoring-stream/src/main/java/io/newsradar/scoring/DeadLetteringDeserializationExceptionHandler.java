package io.newsradar.scoring;

import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;

/**
 * Undecodable input: logged, dead-lettered and skipped, as by Kafka's {@link
 * LogAndContinueExceptionHandler}, but with the dead letter held within {@link DeadLetterBounds}
 * so that even a record near the broker's size limit can be dead-lettered.
 */
public class DeadLetteringDeserializationExceptionHandler extends LogAndContinueExceptionHandler {
    private DeadLetterBounds bounds = DeadLetterBounds.from(Map.of());

    @Override
    public void configure(Map<String, ?> configs) {
        super.configure(configs);
        bounds = DeadLetterBounds.from(configs);
    }

    @Override
    public Response handleError(
            ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record, Exception exception) {
        Response response = super.handleError(context, record, exception);
        return response.result() == Result.RESUME
                ? Response.resume(bounds.apply(response.deadLetterQueueRecords()))
                : Response.fail(bounds.apply(response.deadLetterQueueRecords()));
    }
}
