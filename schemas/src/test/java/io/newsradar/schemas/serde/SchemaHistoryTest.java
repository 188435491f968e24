package io.newsradar.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsradar.avro.Alert;
import io.newsradar.avro.NewsArticle;
import io.newsradar.avro.ScoredArticle;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.junit.jupiter.api.Test;

class SchemaHistoryTest {
    private static final Map<String, Schema> CURRENT = Map.of(
            "NewsArticle", NewsArticle.getClassSchema(),
            "ScoredArticle", ScoredArticle.getClassSchema(),
            "Alert", Alert.getClassSchema());

    @Test
    void shouldKeepEveryTopLevelSchemaInTheHistory() {
        assertThat(SchemaHistory.recordNames()).containsExactlyInAnyOrderElementsOf(CURRENT.keySet());
    }

    @Test
    void shouldHaveTheCurrentSchemaAsTheLatestReleasedVersion() {
        // A changed .avsc without a new history file would leave readers unable to resolve the
        // new writer's fingerprint: release it by adding vN+1 to the history.
        CURRENT.forEach((name, schema) -> {
            List<Schema> versions = SchemaHistory.versions(name);
            assertThat(versions).as(name).isNotEmpty();
            assertThat(SchemaNormalization.parsingFingerprint64(versions.get(versions.size() - 1)))
                    .as("latest released " + name + " matches src/main/avro; add a new history version")
                    .isEqualTo(SchemaNormalization.parsingFingerprint64(schema));
        });
    }

    @Test
    void shouldKeepEveryStepOfEveryHistoryCompatibleBothWays() {
        for (String name : SchemaHistory.recordNames()) {
            assertThat(SchemaEvolution.problems(name, SchemaHistory.versions(name)))
                    .as(name)
                    .isEmpty();
        }
    }

    @Test
    void shouldAcceptAnOlderVersionThatOnlyLacksDefaultedFields() {
        Schema older = SchemaFixtures.testSchema("/evolution/NewsArticle-older.avsc");
        assertThat(SchemaEvolution.problems("NewsArticle", List.of(older, NewsArticle.getClassSchema())))
                .isEmpty();
    }

    @Test
    void shouldRejectADeliberatelyIncompatibleVersion() {
        Schema incompatible = SchemaFixtures.testSchema("/evolution/NewsArticle-incompatible.avsc");
        List<String> problems =
                SchemaEvolution.problems("NewsArticle", List.of(NewsArticle.getClassSchema(), incompatible));
        assertThat(problems).hasSize(2);
        assertThat(problems.get(0)).contains("backward").contains("region");
        assertThat(problems.get(1)).contains("forward").contains("/fields/4").contains("INT");
    }
}
