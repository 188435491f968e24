package io.newsradar.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsradar.avro.NewsArticle;
import io.newsradar.ingest.ArticleNormalizer;
import io.newsradar.ingest.JsonLinesArticleReader;
import io.newsradar.localkafka.TopicAdmin;
import io.newsradar.schemas.serde.AvroSerdes;
import io.newsradar.schemas.topics.TopicDef;
import io.newsradar.schemas.topics.Topics;
import io.newsradar.testsupport.TestKafka;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code rules} commands on the shared broker; each test has a ruleset name and topics of its own. */
@Tag("integration")
class RulesCommandIntegrationTest {
    @TempDir
    Path dir;

    @BeforeEach
    void catalogue() {
        // with the one partition every test of this JVM expects; the commands would create rules.v1
        // with the configured default of 3 otherwise, and a later test asking for 1 would fail
        TestKafka.ensureTopics(Topics.all());
    }

    /** The unit test's two rulesets under a name (and route) no other test uses. */
    private Path ruleset(String file, String text, String name) throws Exception {
        Path path = dir.resolve(file);
        Files.writeString(
                path, text.replace("name: watch", "name: " + name).replace("defense-drones", name + "-route"));
        return path;
    }

    @Test
    void publishHistoryRefusalRollbackDiffAndTheBaselineInForce() throws Exception {
        String bootstrap = TestKafka.bootstrapServers();
        String name = TestKafka.uniqueId("rules-it");
        Path v1 = ruleset("v1.yaml", RulesCommandTest.BASELINE, name);
        Path v2 = ruleset("v2.yaml", RulesCommandTest.CANDIDATE, name);

        RulesCommandTest.Run first =
                RulesCommandTest.run("rules", "publish", "-b", bootstrap, v1.toString(), "--note", "first");
        assertThat(first.code()).as(first.err()).isEqualTo(ExitCodes.OK);
        assertThat(first.out())
                .contains("published " + name + "#0000000001: rules " + name + "-1-")
                .contains("note: first");
        String routeTopic = Topics.alerts(name + "-route").name();
        assertThat(TopicAdmin.listTopics(TestKafka.clientProps())).contains(routeTopic);

        RulesCommandTest.Run again = RulesCommandTest.run("rules", "publish", "-b", bootstrap, v1.toString());
        assertThat(again.code()).isEqualTo(ExitCodes.FAILED);
        assertThat(again.err()).contains("is already active (sequence 1)").contains("--force");

        // the baseline of a backtest is the ruleset in force when nothing else is named
        Path sample = dir.resolve("sample.jsonl");
        Files.write(
                sample,
                List.of(RulesCommandTest.article(
                        "b1",
                        "Navy orders unmanned boats",
                        "The defense ministry ordered unmanned boats.",
                        "2026-04-02")));
        RulesCommandTest.Run test =
                RulesCommandTest.run("rules", "test", "-b", bootstrap, v2.toString(), "--against", sample.toString());
        assertThat(test.code()).as(test.err()).isEqualTo(ExitCodes.OK);
        assertThat(test.out())
                .contains("(in force on " + Topics.RULES.name() + ": " + name + "#0000000001)")
                .contains("articles whose alerts differ from the baseline: 1");

        RulesCommandTest.Run second = RulesCommandTest.run("rules", "publish", "-b", bootstrap, v2.toString());
        assertThat(second.code()).as(second.err()).isEqualTo(ExitCodes.OK);
        assertThat(second.out()).contains("published " + name + "#0000000002");

        RulesCommandTest.Run rollback = RulesCommandTest.run("rules", "rollback", "-b", bootstrap, "--name", name, "1");
        assertThat(rollback.code()).as(rollback.err()).isEqualTo(ExitCodes.OK);
        assertThat(rollback.out()).contains("published " + name + "#0000000003 (the text of " + name + "#0000000001");

        // a record the stream would reject: history shows it and why, and it is not in force
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(),
                new StringSerializer())) {
            producer.send(new ProducerRecord<>(Topics.RULES.name(), name + "#0000000004", "{not json"))
                    .get();
        }

        RulesCommandTest.Run history = RulesCommandTest.run("rules", "history", "-b", bootstrap, name);
        assertThat(history.code()).as(history.err()).isEqualTo(ExitCodes.OK);
        List<String> lines = history.out().lines().toList();
        assertThat(lines.get(0)).startsWith("ruleset " + name + ": 4 publications, in force: 3 (" + name + "-1-");
        assertThat(lines.get(1)).matches(" +1  " + name + "-1-\\w{8} .*  \\S+@\\S+  valid  \"first\"");
        assertThat(lines.get(2)).matches(" +2  " + name + "-1-\\w{8} .*  valid");
        assertThat(lines.get(3)).matches(" +3  " + name + "-1-\\w{8} .*  in force  rollback to 1  \"rollback to 1\"");
        assertThat(lines.get(4)).matches(" +4  \\?.*INVALID");
        assertThat(lines.get(5)).contains("rejected: record " + name + "#0000000004 is not JSON");

        RulesCommandTest.Run diff = RulesCommandTest.run("rules", "diff", "-b", bootstrap, "--name", name, "1", "2");
        assertThat(diff.code()).as(diff.err()).isEqualTo(ExitCodes.OK);
        assertThat(diff.out())
                .startsWith("--- " + name + "#0000000001 (")
                .contains("\n-    query: drone\n+    query: drone OR unmanned\n");
        RulesCommandTest.Run same = RulesCommandTest.run("rules", "diff", "-b", bootstrap, "--name", name, "1", "3");
        assertThat(same.out()).contains("have the same text");
    }

    @Test
    void backtestOverATopicKeepsOnlyArticlesPublishedWithinSinceWhateverTheirOrder() throws Exception {
        String bootstrap = TestKafka.bootstrapServers();
        String topic = TestKafka.uniqueId("rules-it-raw");
        TestKafka.ensureTopics(List.of(new TopicDef<>(topic, Serdes.String(), AvroSerdes.newsArticle(), false)));
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        JsonLinesArticleReader reader = new JsonLinesArticleReader(new ArticleNormalizer());
        // old and recent interleaved, an old one first: seeking by time would keep the third
        List<NewsArticle> articles = List.of(
                article(reader, "o1", "Army tests military drone", now.minus(Duration.ofDays(30))),
                article(reader, "r1", "Army tests military drone", now.minus(Duration.ofDays(1))),
                article(reader, "o2", "Navy orders unmanned boats for defense", now.minus(Duration.ofDays(20))),
                article(reader, "r2", "Navy orders unmanned boats for defense", now.minus(Duration.ofDays(2))));
        try (KafkaProducer<String, NewsArticle> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap),
                new StringSerializer(),
                AvroSerdes.newsArticle().serializer())) {
            for (NewsArticle a : articles) {
                // as ingest writes them: the record timestamp is the publish time
                producer.send(new ProducerRecord<>(
                                topic, null, a.getPublishedAt().toEpochMilli(), a.getId(), a))
                        .get();
            }
        }
        Path candidate = ruleset("candidate.yaml", RulesCommandTest.CANDIDATE, "watch");
        Path baseline = ruleset("baseline.yaml", RulesCommandTest.BASELINE, "watch");

        RulesCommandTest.Run run = RulesCommandTest.run(
                "rules",
                "test",
                "-b",
                bootstrap,
                candidate.toString(),
                "--against-topic",
                topic,
                "--since",
                "7d",
                "--baseline",
                baseline.toString());

        assertThat(run.code()).as(run.err()).isEqualTo(ExitCodes.OK);
        assertThat(run.err()).contains("scanned 4 of 4 records of " + topic + " (100%), 2 kept");
        assertThat(run.out())
                .contains("articles:  2 from " + topic + " (scanned 4 records, 2 published before ")
                .containsPattern("drones +2 +1 +\\+1\\R")
                .contains("watch-route: 2 articles")
                .contains("articles whose alerts differ from the baseline: 1")
                .contains(articles.get(3).getId() + "  Navy orders unmanned boats");
        assertThat(run.out())
                .doesNotContain(articles.get(0).getId())
                .doesNotContain(articles.get(2).getId());
    }

    private static NewsArticle article(JsonLinesArticleReader reader, String slug, String title, Instant publishedAt) {
        return reader.readOne("{\"url\":\"https://rules-it.example.org/" + TestKafka.uniqueId(slug)
                        + "\",\"source\":\"rules-it\",\"title\":\"" + title + "\",\"body\":\"" + title
                        + ".\",\"publishedAt\":\"" + publishedAt + "\"}")
                .article();
    }
}
