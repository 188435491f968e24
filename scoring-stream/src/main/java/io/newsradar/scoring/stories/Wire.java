package io.newsradar.scoring.stories;

import io.newsradar.avro.ScoredArticle;
import io.newsradar.schemas.serde.AvroSerdes;
import io.newsradar.scoring.Provisional;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

/**
 * The compact binary format of the story stage's internal records (repartition topics and
 * stores): a format byte, then the fields in a fixed order. Binary rather than JSON because the
 * band records are the fan-out: every byte is written once per band per article, under
 * exactly-once, to a repartition topic and its consumers. A record of an unknown format or a
 * truncated one fails with a {@link SerializationException} naming what it was meant to be.
 */
final class Wire {
    private Wire() {}

    interface Writer<T> {
        void write(T value, DataOutputStream out) throws IOException;
    }

    interface Reader<T> {
        T read(DataInputStream in) throws IOException;
    }

    /** A serde writing {@code format} first and refusing any other on reading; null stays null. */
    static <T> Serde<T> serde(String what, int format, Writer<T> writer, Reader<T> reader) {
        Serializer<T> serializer = (topic, value) -> value == null ? null : encode(format, value, writer);
        Deserializer<T> deserializer = (topic, bytes) -> bytes == null ? null : decode(what, format, bytes, reader);
        return Serdes.serdeFrom(serializer, deserializer);
    }

    static <T> byte[] encode(int format, T value, Writer<T> writer) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(format);
            writer.write(value, out);
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
        return bytes.toByteArray();
    }

    static <T> T decode(String what, int format, byte[] bytes, Reader<T> reader) {
        if (bytes.length == 0 || bytes[0] != format) {
            throw new SerializationException("cannot decode a " + what + ": format "
                    + (bytes.length == 0 ? "none (empty record)" : Byte.toString(bytes[0]))
                    + ", this reader knows format " + format);
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes, 1, bytes.length - 1))) {
            T value = reader.read(in);
            if (in.available() > 0) {
                throw new SerializationException(
                        "cannot decode a " + what + ": " + in.available() + " bytes left over after the record");
            }
            return value;
        } catch (IOException | RuntimeException e) {
            if (e instanceof SerializationException s) {
                throw s;
            }
            throw new SerializationException("cannot decode a " + what + " of " + bytes.length + " bytes: " + e, e);
        }
    }

    /** A nullable string: its UTF-8 length (-1 for null), then the bytes. */
    static void writeString(DataOutputStream out, String s) throws IOException {
        writeBytes(out, s == null ? null : s.getBytes(StandardCharsets.UTF_8));
    }

    static String readString(DataInputStream in) throws IOException {
        byte[] bytes = readBytes(in);
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }

    static void writeBytes(DataOutputStream out, byte[] bytes) throws IOException {
        if (bytes == null) {
            out.writeInt(-1);
            return;
        }
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    static byte[] readBytes(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < -1 || length > in.available()) {
            throw new IOException("a field of " + length + " bytes in a record with " + in.available() + " left");
        }
        return length == -1 ? null : in.readNBytes(length);
    }

    static void writeOrigin(DataOutputStream out, StoryOrigin origin) throws IOException {
        out.writeLong(origin.fetchedAtMs());
        writeString(out, origin.articleId());
    }

    static StoryOrigin readOrigin(DataInputStream in) throws IOException {
        long fetchedAt = in.readLong();
        String id = readString(in);
        if (id == null) {
            throw new IOException("a story origin without an article id");
        }
        return new StoryOrigin(fetchedAt, id);
    }

    /**
     * A nullable provisional score: the scored record's Avro single-object bytes (which carry
     * their schema's fingerprint, so a newer ScoredArticle version reads), then its notes. Not the
     * record's JSON form: base64 would add a third to the largest field of the story records.
     */
    static void writeProvisional(DataOutputStream out, Provisional p) throws IOException {
        out.writeBoolean(p != null);
        if (p == null) {
            return;
        }
        writeBytes(out, AvroSerdes.scoredArticle().serializer().serialize(null, p.scored()));
        out.writeBoolean(p.onTopic());
        writeString(out, p.missingSentence());
        writeString(out, p.summarySentence());
    }

    static Provisional readProvisional(DataInputStream in) throws IOException {
        if (!in.readBoolean()) {
            return null;
        }
        ScoredArticle scored = AvroSerdes.scoredArticle().deserializer().deserialize(null, readBytes(in));
        return new Provisional(scored, in.readBoolean(), readString(in), readString(in));
    }
}
