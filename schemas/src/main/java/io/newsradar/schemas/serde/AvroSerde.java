package io.newsradar.schemas.serde;

import java.io.IOException;
import java.nio.ByteBuffer;
import org.apache.avro.Schema;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.message.SchemaStore;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Avro single-object encoding (2-byte marker, 8-byte schema fingerprint, body) without a
 * registry. The decoder knows every released version from {@link SchemaHistory}, so records
 * written by an older writer still decode. Anything that cannot be decoded raises
 * {@link UndecodableRecordException}. Encoder and decoder are thread-safe, so one instance
 * can be shared.
 */
public final class AvroSerde<T extends SpecificRecord> implements Serde<T> {
    static {
        TrustedAvroClasses.register();
    }

    private final Class<T> type;
    private final BinaryMessageEncoder<T> encoder;
    private final BinaryMessageDecoder<T> decoder;

    public AvroSerde(Class<T> type, Schema schema) {
        this(type, schema, SchemaHistory.newStore());
    }

    /** With an explicit store of writer schemas, for tests and tools that know more versions. */
    public AvroSerde(Class<T> type, Schema schema, SchemaStore writerSchemas) {
        this.type = type;
        SpecificData model = SpecificData.getForClass(type);
        this.encoder = new BinaryMessageEncoder<>(model, schema);
        this.decoder = new BinaryMessageDecoder<>(model, schema, writerSchemas);
    }

    public Class<T> type() {
        return type;
    }

    public byte[] encode(T value) {
        if (value == null) {
            return null;
        }
        try {
            ByteBuffer buffer = encoder.encode(value);
            byte[] bytes = new byte[buffer.remaining()];
            buffer.get(bytes);
            return bytes;
        } catch (IOException | RuntimeException e) {
            throw new org.apache.kafka.common.errors.SerializationException(
                    "cannot encode " + type.getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    public T decode(byte[] bytes) {
        if (bytes == null) {
            return null;
        }
        try {
            return decoder.decode(bytes);
        } catch (IOException | RuntimeException e) {
            // BadHeaderException, MissingSchemaException, EOFException, AvroRuntimeException,
            // index and buffer errors from garbage: all the same thing to a caller.
            throw new UndecodableRecordException(
                    "cannot decode " + bytes.length + " bytes as " + type.getSimpleName() + ": "
                            + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()),
                    e);
        }
    }

    @Override
    public Serializer<T> serializer() {
        return (topic, data) -> encode(data);
    }

    @Override
    public Deserializer<T> deserializer() {
        return (topic, data) -> decode(data);
    }
}
