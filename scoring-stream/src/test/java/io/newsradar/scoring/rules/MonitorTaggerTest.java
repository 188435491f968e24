package io.newsradar.scoring.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsradar.avro.NewsArticle;
import io.newsradar.scoring.ArticleField;
import io.newsradar.scoring.Evaluation;
import io.newsradar.scoring.Hit;
import io.newsradar.scoring.Router;
import io.newsradar.scoring.Scorer;
import io.newsradar.scoring.ScoringEngine;
import io.newsradar.scoring.ScoringSettings;
import io.newsradar.scoring.TagMatch;
import io.newsradar.scoring.TagRule;
import io.newsradar.scoring.Tagging;
import io.newsradar.scoring.TestArticles;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Weight;
import org.junit.jupiter.api.Test;

class MonitorTaggerTest {

    @Test
    void shouldReportEveryHitWithItsFieldOffsetsAndTextAsWritten() {
        TagRule navy = Rules.rule("navy OR \"ministry of defence\"");
        NewsArticle a =
                TestArticles.article("Navy tests drone", "Engineers said the MINISTRY OF DEFENCE and the navy agree.");
        TagMatch m = Rules.match(navy, a).orElseThrow();
        assertThat(m.fields()).containsExactly(ArticleField.TITLE, ArticleField.BODY);
        assertThat(m.hits(ArticleField.TITLE)).containsExactly(new Hit(ArticleField.TITLE, "Navy", 0, 4));
        List<Hit> body = m.hits(ArticleField.BODY);
        // a phrase is one hit, quoted as the article wrote it
        assertThat(body).extracting(Hit::text).containsExactly("MINISTRY OF DEFENCE", "navy");
        for (Hit h : body) {
            assertThat(a.getBody().substring(h.start(), h.end())).isEqualTo(h.text());
        }
    }

    @Test
    void shouldQuoteTheWordWithoutItsPossessive() {
        TagMatch m = Rules.match(Rules.rule("\"south korea\""), "x", "South Korea's minister spoke.")
                .orElseThrow();
        assertThat(m.terms(ArticleField.BODY)).containsExactly("South Korea");
    }

    @Test
    void shouldKeepTaxonomyOrderAndTagNothingInUnrelatedText() {
        TagRule a = new TagRule("a", "a", "T", 1.0, "ship");
        TagRule b = new TagRule("b", "b", "T", 1.0, "navy");
        try (MonitorTagger t = Rules.tagger(a, b)) {
            assertThat(t.tag(TestArticles.article("Navy ship", "")))
                    .extracting(TagMatch::id)
                    .containsExactly("a", "b");
            assertThat(t.tag(TestArticles.article("Bakery wins award", "The sourdough was praised.")))
                    .isEmpty();
        }
    }

    /** A query whose evaluation fails, as a broken or too-expensive rule would at match time. */
    private static final class FailingQuery extends Query {
        @Override
        public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost) {
            throw new IllegalStateException("planted failure");
        }

        @Override
        public void visit(QueryVisitor visitor) {
            visitor.visitLeaf(this);
        }

        @Override
        public String toString(String field) {
            return "failing";
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof FailingQuery;
        }

        @Override
        public int hashCode() {
            return 1;
        }
    }

    private static MonitorTagger withFailingRule() {
        TagRule good = new TagRule("navy", "navy", "T", 1.0, "navy");
        TagRule broken = new TagRule("broken", "broken", "T", 1.0, "anything");
        Map<TagRule, Query> compiled = new LinkedHashMap<>();
        compiled.put(good, QueryCompiler.compile(good));
        compiled.put(broken, new FailingQuery());
        return new MonitorTagger(compiled);
    }

    @Test
    void shouldSurfaceAPerQueryErrorAndKeepMatchingTheOtherRules() {
        try (MonitorTagger t = withFailingRule()) {
            Tagging tagging = t.match(TestArticles.article("Navy ship", ""));
            assertThat(tagging.tags()).extracting(TagMatch::id).containsExactly("navy");
            assertThat(tagging.errors()).singleElement().satisfies(e -> {
                assertThat(e.ruleId()).isEqualTo("broken");
                assertThat(e.message()).contains("planted failure");
            });
            assertThat(t.errorCount()).isEqualTo(1);
        }
    }

    @Test
    void shouldCarryRuleErrorsOnTheEvaluation() {
        try (ScoringEngine engine = new ScoringEngine(
                withFailingRule(), new Scorer(ScoringSettings.defaults()), new Router(List.of()), "test-1")) {
            Evaluation e = engine.evaluate(TestArticles.article("Navy ship", ""));
            assertThat(e.ruleErrors()).extracting(r -> r.ruleId()).containsExactly("broken");
            assertThat(e.tags()).extracting(TagMatch::id).containsExactly("navy");
        }
    }

    @Test
    void shouldMatchKoreanWordsInKoreanArticlesThroughTheirMorphology() {
        // Nori takes the particle off 국방부는 ("the defence ministry" + topic particle)
        TagRule ministry = Rules.rule("국방부 AND 인공지능");
        String body = "국방부는 인공지능 기반 감시 체계를 도입한다고 밝혔다.";
        TagMatch m =
                Rules.match(ministry, TestArticles.article("국방 소식", body, "ko")).orElseThrow();
        assertThat(m.hits(ArticleField.BODY)).extracting(Hit::text).contains("국방부", "인공지능");
        for (Hit h : m.hits(ArticleField.BODY)) {
            assertThat(body.substring(h.start(), h.end())).isEqualTo(h.text());
        }
        // without the language the words are split on spaces only, and 국방부는 is not 국방부
        assertThat(Rules.match(ministry, TestArticles.article("국방 소식", body, null)))
                .isEmpty();
    }

    @Test
    void shouldMatchJapaneseWithoutSpaces() {
        TagRule ai = Rules.rule("\"人工知能\" AND 防衛省");
        String body = "防衛省は人工知能を使った監視システムを導入する。";
        assertThat(Rules.match(ai, TestArticles.article("ニュース", body, "ja-JP"))).isPresent();
    }

    @Test
    void shouldMatchChineseBySegmentedWords() {
        TagRule ai = Rules.rule("人工智能 AND 国防部");
        String body = "国防部宣布了一项人工智能计划。";
        TagMatch m = Rules.match(ai, TestArticles.article("新闻", body, "zh")).orElseThrow();
        for (Hit h : m.hits(ArticleField.BODY)) {
            assertThat(body.substring(h.start(), h.end())).isEqualTo(h.text());
        }
        assertThat(m.terms(ArticleField.BODY)).isNotEmpty();
    }
}
