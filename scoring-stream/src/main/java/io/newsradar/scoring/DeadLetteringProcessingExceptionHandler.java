package io.newsradar.scoring;

import java.util.Map;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.LogAndContinueProcessingExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Input that decodes but fails validation or scoring: logged, dead-lettered and skipped, as by
 * Kafka's {@link LogAndContinueProcessingExceptionHandler}, but with the dead letter held within
 * {@link DeadLetterBounds}: an article rejected for its size is exactly the input whose whole
 * copy would not fit.
 */
public class DeadLetteringProcessingExceptionHandler extends LogAndContinueProcessingExceptionHandler {
    private DeadLetterBounds bounds = DeadLetterBounds.from(Map.of());

    @Override
    public void configure(Map<String, ?> configs) {
        super.configure(configs);
        bounds = DeadLetterBounds.from(configs);
    }

    @Override
    public Response handleError(ErrorHandlerContext context, Record<?, ?> record, Exception exception) {
        Response response = super.handleError(context, record, exception);
        return response.result() == Result.RESUME
                ? Response.resume(bounds.apply(response.deadLetterQueueRecords()))
                : Response.fail(bounds.apply(response.deadLetterQueueRecords()));
    }
}
