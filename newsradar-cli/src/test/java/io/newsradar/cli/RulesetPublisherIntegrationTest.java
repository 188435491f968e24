package io.newsradar.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsradar.schemas.topics.Topics;
import io.newsradar.scoring.ScoringRules;
import io.newsradar.scoring.ruleset.Publication;
import io.newsradar.scoring.ruleset.RulesetLog;
import io.newsradar.scoring.ruleset.RulesetPublisher;
import io.newsradar.scoring.ruleset.RulesetRecord;
import io.newsradar.scoring.ruleset.RulesetRefusedException;
import io.newsradar.testsupport.TestKafka;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Two publications of one ruleset at once: the one overtaken is refused, never written over the other. */
@Tag("integration")
class RulesetPublisherIntegrationTest {

    @Test
    void aPublisherOvertakenByAnotherOfTheSameNameIsRefusedAndTheOtherKeepsItsSequence() {
        // the catalogue with the one partition every test of this JVM expects (rules.v1 among them)
        TestKafka.ensureTopics(Topics.all());
        String name = TestKafka.uniqueId("rules-race");
        String v1 = RulesCommandTest.BASELINE.replace("name: watch", "name: " + name);
        String v2 = RulesCommandTest.CANDIDATE.replace("name: watch", "name: " + name);
        RulesetPublisher publisher =
                new RulesetPublisher(TestKafka.clientProps(), Duration.ofSeconds(30), Clock.systemUTC());

        try (RulesetPublisher.Session slow = publisher.open(name)) {
            long next = slow.log().highestSequence(name) + 1;
            // another analyst publishes in between: it fences the slow one and takes sequence 1
            RulesetRecord fast = publisher.publish(new RulesetPublisher.Draft(v2, "fast", "bob@host", null, false));
            assertThat(fast.sequence()).isEqualTo(1);

            RulesetRecord stale = new RulesetRecord(
                    name,
                    next,
                    ScoringRules.parseBundle(v1, "v1").version(),
                    java.time.Instant.now(),
                    "alice@host",
                    "slow",
                    null,
                    v1);
            assertThatThrownBy(() -> slow.write(stale))
                    .isInstanceOf(RulesetRefusedException.class)
                    .hasMessageContaining("another publication of ruleset " + name);
        }

        List<Publication> history =
                RulesetLog.read(TestKafka.clientProps(), Duration.ofSeconds(30)).publications(name);
        assertThat(history).singleElement().satisfies(p -> {
            assertThat(p.sequence()).isEqualTo(1);
            assertThat(p.record().note()).isEqualTo("fast");
        });
    }
}
