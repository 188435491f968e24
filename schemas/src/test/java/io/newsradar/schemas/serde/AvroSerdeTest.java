package io.newsradar.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsradar.avro.Alert;
import io.newsradar.avro.IngestChannel;
import io.newsradar.avro.NewsArticle;
import io.newsradar.avro.ScoredArticle;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.message.SchemaStore;
import org.junit.jupiter.api.Test;

class AvroSerdeTest {

    @Test
    void shouldRoundTripEveryValueType() {
        NewsArticle article = SchemaFixtures.article("a1");
        ScoredArticle scored = SchemaFixtures.scored("a2");
        Alert alert = SchemaFixtures.alert("s3");

        assertThat(AvroSerdes.newsArticle().decode(AvroSerdes.newsArticle().encode(article)))
                .isEqualTo(article);
        assertThat(AvroSerdes.scoredArticle().decode(AvroSerdes.scoredArticle().encode(scored)))
                .isEqualTo(scored);
        assertThat(AvroSerdes.alert().decode(AvroSerdes.alert().encode(alert))).isEqualTo(alert);
    }

    @Test
    void shouldUseSingleObjectEncodingWithTheSchemaFingerprint() {
        byte[] bytes = AvroSerdes.newsArticle().encode(SchemaFixtures.article("a1"));
        // Avro single-object marker C3 01, then the 8-byte little-endian CRC-64-AVRO fingerprint
        assertThat(bytes[0]).isEqualTo((byte) 0xC3);
        assertThat(bytes[1]).isEqualTo((byte) 0x01);
        long fingerprint = ByteBuffer.wrap(bytes, 2, 8)
                .order(java.nio.ByteOrder.LITTLE_ENDIAN)
                .getLong();
        assertThat(fingerprint)
                .isEqualTo(org.apache.avro.SchemaNormalization.parsingFingerprint64(NewsArticle.getClassSchema()));
    }

    @Test
    void shouldPassNullsThroughForTombstones() {
        assertThat(AvroSerdes.alert().encode(null)).isNull();
        assertThat(AvroSerdes.alert().decode(null)).isNull();
    }

    @Test
    void shouldRaiseUndecodableRecordForGarbage() {
        byte[] garbage = "definitely not avro".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> AvroSerdes.newsArticle()
                        .deserializer()
                        .deserialize(io.newsradar.schemas.topics.Topics.NEWS_RAW.name(), garbage))
                .isInstanceOf(UndecodableRecordException.class)
                .hasMessageContaining("NewsArticle");
    }

    @Test
    void shouldRaiseUndecodableRecordForEmptyAndTruncatedBytes() {
        byte[] good = AvroSerdes.newsArticle().encode(SchemaFixtures.article("a1"));
        assertThatThrownBy(() -> AvroSerdes.newsArticle().decode(new byte[0]))
                .isInstanceOf(UndecodableRecordException.class);
        assertThatThrownBy(() -> AvroSerdes.newsArticle().decode(Arrays.copyOf(good, good.length / 2)))
                .isInstanceOf(UndecodableRecordException.class);
    }

    @Test
    void shouldRaiseUndecodableRecordForAnUnknownFingerprint() throws Exception {
        Schema stranger = SchemaBuilder.record("Stranger")
                .namespace("elsewhere")
                .fields()
                .requiredString("name")
                .endRecord();
        GenericRecord record = new GenericData.Record(stranger);
        record.put("name", "x");
        byte[] bytes = new BinaryMessageEncoder<GenericRecord>(GenericData.get(), stranger)
                .encode(record)
                .array();

        assertThatThrownBy(() -> AvroSerdes.newsArticle().decode(bytes))
                .isInstanceOf(UndecodableRecordException.class)
                .hasMessageContaining("MissingSchemaException");
    }

    @Test
    void shouldRaiseUndecodableRecordForAnotherTypesRecord() {
        byte[] alertBytes = AvroSerdes.alert().encode(SchemaFixtures.alert("s1"));
        assertThatThrownBy(() -> AvroSerdes.newsArticle().decode(alertBytes))
                .isInstanceOf(UndecodableRecordException.class);
    }

    @Test
    void shouldDecodeRecordsWrittenWithAnOlderSchemaVersionInTheStore() throws Exception {
        Schema older = SchemaFixtures.testSchema("/evolution/NewsArticle-older.avsc");
        GenericRecord old = new GenericData.Record(older);
        old.put("id", "old-1");
        old.put("source", "news.example.org");
        old.put("title", "Written before language existed");
        old.put("body", "Body.");
        old.put("publishedAt", Instant.parse("2025-01-01T00:00:00Z").toEpochMilli());
        old.put("fetchedAt", Instant.parse("2025-01-01T00:01:00Z").toEpochMilli());
        old.put("contentHash", "abc");
        byte[] bytes = new BinaryMessageEncoder<GenericRecord>(GenericData.get(), older)
                .encode(old)
                .array();

        SchemaStore.Cache store = SchemaHistory.newStore();
        store.addSchema(older);
        AvroSerde<NewsArticle> serde = new AvroSerde<>(NewsArticle.class, NewsArticle.getClassSchema(), store);

        NewsArticle decoded = serde.decode(bytes);
        assertThat(decoded.getId()).isEqualTo("old-1");
        assertThat(decoded.getTitle()).isEqualTo("Written before language existed");
        assertThat(decoded.getLanguage()).isNull();
        assertThat(decoded.getChannel()).isEqualTo(IngestChannel.UNKNOWN);

        // the shared serde does not know that writer: a clear, typed failure instead of a crash
        assertThatThrownBy(() -> AvroSerdes.newsArticle().decode(bytes)).isInstanceOf(UndecodableRecordException.class);
    }
}
