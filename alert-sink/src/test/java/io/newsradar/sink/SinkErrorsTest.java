package io.newsradar.sink;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsradar.schemas.serde.UndecodableRecordException;
import io.newsradar.schemas.topics.Topics;
import java.io.IOException;
import java.nio.channels.ClosedChannelException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.NoOffsetForPartitionException;
import org.apache.kafka.clients.consumer.OffsetOutOfRangeException;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.DisconnectException;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.errors.UnsupportedVersionException;
import org.apache.kafka.common.errors.WakeupException;
import org.junit.jupiter.api.Test;

class SinkErrorsTest {
    private static final TopicPartition PARTITION =
            new TopicPartition(Topics.alerts(Topics.DEFENSE_AI_ROUTE).name(), 0);

    @Test
    void shouldTreatWakeupAndInterruptAsShutdown() {
        assertThat(SinkErrors.classify(new WakeupException())).isEqualTo(ErrorKind.SHUTDOWN);
        assertThat(SinkErrors.classify(new InterruptException(new InterruptedException())))
                .isEqualTo(ErrorKind.SHUTDOWN);
    }

    @Test
    void shouldTreatRecordDeserializationFailureAsUndecodable() {
        RecordDeserializationException e = new RecordDeserializationException(
                PARTITION, 7, "bad bytes", new UndecodableRecordException("cannot decode 3 bytes as Alert", null));

        assertThat(SinkErrors.classify(e)).isEqualTo(ErrorKind.UNDECODABLE);
    }

    @Test
    void shouldResetOffsetsWhenTheCommittedOffsetIsGoneOrMissing() {
        assertThat(SinkErrors.classify(new OffsetOutOfRangeException(Map.of(PARTITION, 12L))))
                .isEqualTo(ErrorKind.OFFSET_RESET);
        assertThat(SinkErrors.classify(new NoOffsetForPartitionException(Set.of(PARTITION))))
                .isEqualTo(ErrorKind.OFFSET_RESET);
    }

    @Test
    void shouldStopOnCredentialPermissionAndVersionErrors() {
        assertThat(SinkErrors.classify(new SaslAuthenticationException("bad password")))
                .isEqualTo(ErrorKind.FATAL);
        assertThat(SinkErrors.classify(new TopicAuthorizationException(
                        Set.of(Topics.alerts(Topics.DEFENSE_AI_ROUTE).name()))))
                .isEqualTo(ErrorKind.FATAL);
        assertThat(SinkErrors.classify(new GroupAuthorizationException("no"))).isEqualTo(ErrorKind.FATAL);
        assertThat(SinkErrors.classify(new UnsupportedVersionException("old broker")))
                .isEqualTo(ErrorKind.FATAL);
        assertThat(SinkErrors.classify(new RecordTooLargeException("too big"))).isEqualTo(ErrorKind.FATAL);
    }

    @Test
    void shouldStopOnErrorsThatAreNotFromKafkaOrADestination() {
        assertThat(SinkErrors.classify(new NullPointerException("bug"))).isEqualTo(ErrorKind.FATAL);
        assertThat(SinkErrors.classify(new IllegalStateException("bug"))).isEqualTo(ErrorKind.FATAL);
    }

    @Test
    void shouldRetryTransientClientGroupAndDestinationErrors() {
        assertThat(SinkErrors.classify(new TimeoutException("broker slow"))).isEqualTo(ErrorKind.RETRIABLE);
        assertThat(SinkErrors.classify(new DisconnectException("gone"))).isEqualTo(ErrorKind.RETRIABLE);
        assertThat(SinkErrors.classify(new CommitFailedException())).isEqualTo(ErrorKind.RETRIABLE);
        assertThat(SinkErrors.classify(new KafkaException("something else"))).isEqualTo(ErrorKind.RETRIABLE);
    }

    @Test
    void shouldClassifyTheCauseOfAFailedFuture() {
        ExecutionException wrapped =
                new ExecutionException(new TopicAuthorizationException(Set.of(Topics.DELIVERY_DLQ.name())));

        assertThat(SinkErrors.classify(wrapped)).isEqualTo(ErrorKind.FATAL);
        assertThat(SinkErrors.describe(wrapped)).startsWith("TopicAuthorizationException");
    }

    @Test
    void shouldDescribeAnErrorByTypeAndMessage() {
        assertThat(SinkErrors.describe(new IOException("No space left on device")))
                .isEqualTo("IOException: No space left on device");
        assertThat(SinkErrors.describe(new IllegalStateException())).isEqualTo("IllegalStateException");
    }

    @Test
    void shouldTreatIoErrorsThatOnlyAPersonCanFixAsPermanent() {
        assertThat(SinkErrors.isPermanentIoError(new AccessDeniedException("/data/alerts.jsonl")))
                .isTrue();
        assertThat(SinkErrors.isPermanentIoError(new NoSuchFileException("/data/alerts.jsonl")))
                .isTrue();
        assertThat(SinkErrors.isPermanentIoError(new NotDirectoryException("/data")))
                .isTrue();
        assertThat(SinkErrors.isPermanentIoError(
                        new FileSystemException("/data/alerts.jsonl", null, "Read-only file system")))
                .isTrue();
        assertThat(SinkErrors.isPermanentIoError(new IOException("Read-only file system")))
                .isTrue();
        assertThat(SinkErrors.isPermanentIoError(new IOException("File too large")))
                .isTrue();
        assertThat(SinkErrors.isPermanentIoError(new ClosedChannelException())).isTrue();
    }

    @Test
    void shouldTreatOtherIoErrorsAsTemporary() {
        assertThat(SinkErrors.isPermanentIoError(new IOException("No space left on device")))
                .isFalse();
        assertThat(SinkErrors.isPermanentIoError(new IOException("Input/output error")))
                .isFalse();
        assertThat(SinkErrors.isPermanentIoError(new IOException("Disk quota exceeded")))
                .isFalse();
        assertThat(SinkErrors.isPermanentIoError(new IOException())).isFalse();
    }

    @Test
    void shouldStopOnADestinationThatFailedForGoodAndCallItInfrastructure() {
        DestinationFailedException failed =
                DestinationFailedException.permanent("file:/x", "flush", new AccessDeniedException("/x"));

        assertThat(SinkErrors.classify(failed)).isEqualTo(ErrorKind.FATAL);
        assertThat(SinkErrors.isInfrastructure(failed)).isTrue();
        assertThat(SinkErrors.isInfrastructure(new TimeoutException("no broker")))
                .isTrue();
        assertThat(SinkErrors.isInfrastructure(new SaslAuthenticationException("bad password")))
                .isFalse();
        assertThat(SinkErrors.isInfrastructure(new IllegalStateException("bug")))
                .isFalse();
    }
}
