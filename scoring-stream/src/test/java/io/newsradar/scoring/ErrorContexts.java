package io.newsradar.scoring;

import io.newsradar.schemas.topics.Topics;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.processor.TaskId;

/** Handler contexts for unit tests: input record news.raw.v1-0@42 with the given raw key and value. */
final class ErrorContexts {
    static final long OFFSET = 42;

    private ErrorContexts() {}

    static ErrorHandlerContext of(byte[] rawKey, byte[] rawValue) {
        return new ErrorHandlerContext() {
            @Override
            public String topic() {
                return Topics.NEWS_RAW.name();
            }

            @Override
            public int partition() {
                return 0;
            }

            @Override
            public long offset() {
                return OFFSET;
            }

            @Override
            public Headers headers() {
                return new RecordHeaders();
            }

            @Override
            public String processorNodeId() {
                return "validate";
            }

            @Override
            public TaskId taskId() {
                return new TaskId(0, 0);
            }

            @Override
            public long timestamp() {
                return 0;
            }

            @Override
            public byte[] sourceRawKey() {
                return rawKey;
            }

            @Override
            public byte[] sourceRawValue() {
                return rawValue;
            }
        };
    }
}
