package io.newsradar.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.newsradar.avro.Alert;
import io.newsradar.avro.AlertLifecycle;
import io.newsradar.avro.NewsArticle;
import io.newsradar.avro.ScoredArticle;
import io.newsradar.schemas.config.NewsradarConfig;
import io.newsradar.schemas.topics.TopicDef;
import io.newsradar.schemas.topics.Topics;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The revision store on the whole topology (TopologyTestDriver, the service's own Streams
 * settings): which content counts as a repeat, and that the store only learns content that was
 * scored.
 */
class RevisionTopologyTest {
    private static final TopicDef<String, Alert> DEFENSE_AI = Topics.alerts(Topics.DEFENSE_AI_ROUTE);

    @TempDir
    Path stateDir;

    private final ScoringRules rules = ScoringRules.defaults();
    private final ScoringCounters counters = new ScoringCounters();
    private Properties props;

    @BeforeEach
    void setUp() {
        NewsradarConfig config = NewsradarConfig.defaults()
                .with(NewsradarConfig.BOOTSTRAP_SERVERS, "unused:9092")
                .with(NewsradarConfig.STATE_DIR, stateDir.toString());
        props = ScoringApp.streamsProperties(config);
    }

    private TopologyTestDriver driver(ScoringEngine engine) {
        return new TopologyTestDriver(ScoringTopology.build(engine, counters), props);
    }

    private TopologyTestDriver driver() {
        return driver(ScoringEngine.of(rules));
    }

    @Test
    void shouldTreatContentThatAlternatesUnderOneIdAsRepeats() {
        // the same URL in two feeds with different summaries: every ingest serves both texts
        NewsArticle a = Articles.sample("tidewatch-joint-ai-programme");
        NewsArticle b = Articles.corrected(a, a.getBody() + "\n\nSummary from a second feed.");
        try (TopologyTestDriver d = driver()) {
            TestInputTopic<String, NewsArticle> in = raw(d);
            for (int round = 0; round < 3; round++) {
                pipe(in, a);
                pipe(in, b);
            }

            assertThat(scored(d).readValuesToList())
                    .extracting(ScoredArticle::getRevision)
                    .containsExactly(1, 2);
            // revision 2 (same outlet, same event time) adds nothing to the story: no second alert
            assertThat(alerts(d).readValuesToList())
                    .extracting(Alert::getAlertId)
                    .containsExactly(a.getId() + ":" + Topics.DEFENSE_AI_ROUTE + ":1");
            assertThat(counters.scored()).isEqualTo(2);
            assertThat(counters.revisions()).isEqualTo(1);
            assertThat(counters.repeats()).isEqualTo(4);
        }
    }

    @Test
    void shouldScoreGenuinelyNewContentAfterAlternatingContentAsTheNextRevision() {
        NewsArticle a = Articles.sample("tidewatch-joint-ai-programme");
        NewsArticle b = Articles.corrected(a, a.getBody() + "\n\nSummary from a second feed.");
        NewsArticle c = Articles.corrected(a, a.getBody().replace("$620 million", "$650 million"));
        try (TopologyTestDriver d = driver()) {
            TestInputTopic<String, NewsArticle> in = raw(d);
            List.of(a, b, a, c, b, c).forEach(x -> pipe(in, x));

            assertThat(scored(d).readValuesToList())
                    .extracting(s -> s.getRevision() + " " + s.getArticle().getContentHash())
                    .containsExactly("1 " + a.getContentHash(), "2 " + b.getContentHash(), "3 " + c.getContentHash());
            assertThat(alerts(d).readValuesToList())
                    .extracting(Alert::getLifecycle)
                    .containsExactly(AlertLifecycle.NEW);
            assertThat(counters.repeats()).isEqualTo(3);
        }
    }

    @Test
    void shouldScoreAnArticleAgainWhenItsFirstScoringFailedAndWasDeadLettered() {
        NewsArticle a = Articles.sample("tidewatch-joint-ai-programme");
        FailingOnceTagger tagger =
                new FailingOnceTagger(new io.newsradar.scoring.rules.MonitorTagger(rules.taxonomy()), a.getId());
        ScoringEngine engine = new ScoringEngine(
                tagger, new Scorer(rules.taxonomy().scoring()), new Router(rules.routes()), rules.version());
        try (TopologyTestDriver d = driver(engine)) {
            TestInputTopic<String, NewsArticle> in = raw(d);
            pipe(in, a);
            TestRecord<byte[], byte[]> letter = dlq(d).readRecord();
            assertThat(new String(letter.key(), StandardCharsets.UTF_8)).isEqualTo(a.getId());
            assertThat(header(letter, "__streams.errors.message")).contains("tagger bug");
            assertThat(scored(d).isEmpty()).isTrue();

            // the bug is fixed (the tagger fails once only) and the article is published again
            pipe(in, a);

            List<ScoredArticle> s = scored(d).readValuesToList();
            assertThat(s).extracting(ScoredArticle::getRevision).containsExactly(1);
            assertThat(alerts(d).readValuesToList())
                    .extracting(Alert::getAlertId, Alert::getLifecycle)
                    .containsExactly(tuple(a.getId() + ":" + Topics.DEFENSE_AI_ROUTE + ":1", AlertLifecycle.NEW));
            assertThat(counters.repeats()).isZero();
            assertThat(counters.scored()).isEqualTo(1);
            assertThat(counters.revisions()).isZero();
        }
    }

    @Test
    void shouldNotCountARevisionWhoseScoringFailed() {
        NewsArticle a = Articles.sample("tidewatch-joint-ai-programme");
        NewsArticle b = Articles.corrected(a, a.getBody().replace("$620 million", "$650 million"));
        FailingOnceTagger tagger =
                new FailingOnceTagger(new io.newsradar.scoring.rules.MonitorTagger(rules.taxonomy()), a.getId());
        ScoringEngine engine = new ScoringEngine(
                tagger, new Scorer(rules.taxonomy().scoring()), new Router(rules.routes()), rules.version());
        tagger.armAfter(1);
        try (TopologyTestDriver d = driver(engine)) {
            TestInputTopic<String, NewsArticle> in = raw(d);
            pipe(in, a);
            pipe(in, b);
            pipe(in, b);

            assertThat(scored(d).readValuesToList())
                    .extracting(ScoredArticle::getRevision)
                    .containsExactly(1, 2);
            assertThat(dlq(d).readRecordsToList()).hasSize(1);
            assertThat(counters.revisions()).isEqualTo(1);
            assertThat(counters.scored()).isEqualTo(2);
            assertThat(counters.repeats()).isZero();
        }
    }

    @Test
    void shouldCountTheRulesTheMatcherCouldNotRunOnAnArticle() {
        NewsArticle a = Articles.sample("tidewatch-joint-ai-programme");
        Tagger monitor = new io.newsradar.scoring.rules.MonitorTagger(rules.taxonomy());
        Tagger failing = new Tagger() {
            @Override
            public List<TagMatch> tag(NewsArticle article) {
                return monitor.tag(article);
            }

            @Override
            public Tagging match(NewsArticle article) {
                return new Tagging(
                        monitor.tag(article),
                        List.of(new RuleError("defense", "too many clauses"), new RuleError("japan", "boom")));
            }
        };
        ScoringEngine engine = new ScoringEngine(
                failing, new Scorer(rules.taxonomy().scoring()), new Router(rules.routes()), rules.version());
        try (TopologyTestDriver d = driver(engine)) {
            pipe(raw(d), a);

            assertThat(scored(d).readValuesToList()).hasSize(1);
            assertThat(counters.ruleErrors()).isEqualTo(2);
        }
    }

    /** Throws for one article id on one call (the first by default), as a tagger bug would. */
    private static final class FailingOnceTagger implements Tagger {
        private final Tagger delegate;
        private final String failFor;
        private int callsBeforeFailure;
        private boolean failed;

        FailingOnceTagger(Tagger delegate, String failFor) {
            this.delegate = delegate;
            this.failFor = failFor;
        }

        /** Let {@code calls} calls for the article pass before the one that fails. */
        void armAfter(int calls) {
            this.callsBeforeFailure = calls;
        }

        @Override
        public List<TagMatch> tag(NewsArticle article) {
            if (!failed && article.getId().equals(failFor)) {
                if (callsBeforeFailure-- <= 0) {
                    failed = true;
                    throw new IllegalStateException("tagger bug on article " + article.getId());
                }
            }
            return delegate.tag(article);
        }
    }

    static TestInputTopic<String, NewsArticle> raw(TopologyTestDriver d) {
        return d.createInputTopic(
                Topics.NEWS_RAW.name(),
                Topics.NEWS_RAW.keySerde().serializer(),
                Topics.NEWS_RAW.valueSerde().serializer());
    }

    static TestOutputTopic<String, ScoredArticle> scored(TopologyTestDriver d) {
        return d.createOutputTopic(
                Topics.NEWS_SCORED.name(),
                Topics.NEWS_SCORED.keySerde().deserializer(),
                Topics.NEWS_SCORED.valueSerde().deserializer());
    }

    static TestOutputTopic<String, Alert> alerts(TopologyTestDriver d) {
        return d.createOutputTopic(
                DEFENSE_AI.name(),
                DEFENSE_AI.keySerde().deserializer(),
                DEFENSE_AI.valueSerde().deserializer());
    }

    static TestOutputTopic<byte[], byte[]> dlq(TopologyTestDriver d) {
        return d.createOutputTopic(
                Topics.NEWS_DLQ.name(),
                Topics.NEWS_DLQ.keySerde().deserializer(),
                Topics.NEWS_DLQ.valueSerde().deserializer());
    }

    static void pipe(TestInputTopic<String, NewsArticle> in, NewsArticle a) {
        in.pipeInput(a.getId(), a, a.getPublishedAt());
    }

    private static String header(TestRecord<byte[], byte[]> r, String name) {
        Header h = r.headers().lastHeader(name);
        assertThat(h).as("header " + name).isNotNull();
        return new String(h.value(), StandardCharsets.UTF_8);
    }
}
