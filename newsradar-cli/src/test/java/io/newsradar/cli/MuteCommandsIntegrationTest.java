package io.newsradar.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsradar.schemas.mutes.MuteKind;
import io.newsradar.schemas.mutes.MuteRecord;
import io.newsradar.schemas.topics.Topics;
import io.newsradar.testsupport.TestKafka;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * {@code mute}, {@code mutes} and {@code unmute} on the shared broker: what lands on {@code
 * mutes.v1} and what the listing prints. Each test mutes values no other test uses; the topic is
 * shared, so nothing assumes it is empty.
 */
@Tag("integration")
class MuteCommandsIntegrationTest {
    private String bootstrap;

    @BeforeEach
    void catalogue() {
        // with the one partition every test of this JVM expects (the command would create 3)
        TestKafka.ensureTopics(Topics.all());
        bootstrap = TestKafka.bootstrapServers();
    }

    /** A tag id of this test's own: lower case, digits and '-'. */
    private static String tag() {
        return TestKafka.uniqueId("mute-it");
    }

    private RulesCommandTest.Run run(String... args) {
        String[] all = new String[args.length + 2];
        System.arraycopy(args, 0, all, 0, 1);
        all[1] = "-b";
        all[2] = bootstrap;
        System.arraycopy(args, 1, all, 3, args.length - 1);
        return RulesCommandTest.run(all);
    }

    /** Every record on mutes.v1 under this key, oldest first (the topic read to its end). */
    private static List<ConsumerRecord<String, String>> recordsOf(String key) {
        Map<String, Object> props = new HashMap<>(TestKafka.clientProps());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        List<ConsumerRecord<String, String>> out = new ArrayList<>();
        try (KafkaConsumer<String, String> c =
                new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> parts = c.partitionsFor(Topics.MUTES.name()).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition()))
                    .toList();
            c.assign(parts);
            c.seekToBeginning(parts);
            Map<TopicPartition, Long> ends = c.endOffsets(parts);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (!parts.stream().allMatch(tp -> c.position(tp) >= ends.get(tp))) {
                assertThat(System.nanoTime())
                        .as("read mutes.v1 to its end in time")
                        .isLessThan(deadline);
                c.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (key.equals(r.key())) {
                        out.add(r);
                    }
                });
            }
        }
        return out;
    }

    @Test
    void muteListReplaceAndUnmuteRoundTrip() {
        String tag = tag();
        String key = "tag:" + tag;

        RulesCommandTest.Run muted =
                run("mute", "tag", tag.toUpperCase(java.util.Locale.ROOT), "--for", "4h", "--reason", "drill week");
        assertThat(muted.code()).as(muted.err()).isZero();
        assertThat(muted.out())
                .contains("muted tag " + tag.toUpperCase(java.util.Locale.ROOT) + "  until ")
                .contains("(4h left)")
                .contains("reason: drill week")
                .contains("key " + key);

        List<ConsumerRecord<String, String>> written = recordsOf(key);
        assertThat(written).hasSize(1);
        MuteRecord mute = MuteRecord.fromJson(written.get(0).value());
        assertThat(mute.kind()).isEqualTo(MuteKind.TAG);
        assertThat(mute.reason()).isEqualTo("drill week");
        assertThat(Duration.between(mute.createdAt(), mute.until())).isEqualTo(Duration.ofHours(4));

        RulesCommandTest.Run listed = run("mutes");
        assertThat(listed.code()).as(listed.err()).isZero();
        assertThat(listed.out())
                .contains("tag " + tag.toUpperCase(java.util.Locale.ROOT) + "  until " + mute.untilText());

        // muting again (another spelling of the same tag) replaces the period and the reason
        RulesCommandTest.Run again = run("mute", "tag", tag, "--until", "2099-01-01T00:00Z");
        assertThat(again.code()).as(again.err()).isNotZero(); // more than 366 days ahead
        String until = MuteRecord.text(
                Instant.now().plus(Duration.ofDays(2)).truncatedTo(java.time.temporal.ChronoUnit.MINUTES));
        again = run("mute", "tag", tag, "--until", until);
        assertThat(again.code()).as(again.err()).isZero();
        assertThat(again.out()).contains("replaces the mute until " + mute.untilText());
        assertThat(recordsOf(key)).hasSize(2);

        RulesCommandTest.Run unmuted = run("unmute", "TAG", tag);
        assertThat(unmuted.code()).as(unmuted.err()).isZero();
        assertThat(unmuted.out()).contains("unmuted tag " + tag + " (was muted until " + until + ")");
        List<ConsumerRecord<String, String>> after = recordsOf(key);
        assertThat(after.get(after.size() - 1).value()).as("a tombstone").isNull();

        assertThat(run("mutes", "--all").out()).doesNotContain(tag);
        RulesCommandTest.Run twice = run("unmute", "tag", tag);
        assertThat(twice.code()).isEqualTo(ExitCodes.FAILED);
        assertThat(twice.err()).contains("no mute " + key + " on mutes.v1");
    }

    @Test
    void expiredMutesAreListedOnlyWithAll() throws Exception {
        String tag = tag();
        Instant created = Instant.now().minus(Duration.ofDays(2)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        MuteRecord expired = new MuteRecord(MuteKind.TAG, tag, created.plus(Duration.ofDays(1)), "old", created);
        Map<String, Object> props = new HashMap<>(TestKafka.clientProps());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, String> p =
                new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
            p.send(new ProducerRecord<>(Topics.MUTES.name(), expired.key(), expired.toJson()))
                    .get(30, TimeUnit.SECONDS);
        }

        RulesCommandTest.Run inForce = run("mutes");
        assertThat(inForce.code()).as(inForce.err()).isZero();
        assertThat(inForce.out()).doesNotContain(tag).contains("expired; --all lists them");

        RulesCommandTest.Run all = run("mutes", "--all");
        assertThat(all.out()).contains("tag " + tag + "  until " + expired.untilText() + " (expired 1d");

        // an expired mute can still be unmuted, which takes it off the topic
        RulesCommandTest.Run unmuted = run("unmute", "tag", tag);
        assertThat(unmuted.code()).as(unmuted.err()).isZero();
        assertThat(unmuted.out()).contains("(had expired at " + expired.untilText() + ")");
    }
}
