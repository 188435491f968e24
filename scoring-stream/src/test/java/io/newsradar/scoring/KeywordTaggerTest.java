package io.newsradar.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsradar.avro.NewsArticle;
import io.newsradar.avro.Tag;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class KeywordTaggerTest {
    private final KeywordTagger tagger =
            new KeywordTagger(ScoringRules.defaults().taxonomy());

    private Optional<TagMatch> tag(String id, String title, String body) {
        return tagger.tag(Articles.article(title, body)).stream()
                .filter(m -> m.id().equals(id))
                .findFirst();
    }

    private List<String> ids(String title, String body) {
        return tagger.tag(Articles.article(title, body)).stream()
                .map(TagMatch::id)
                .toList();
    }

    @Test
    void shouldMatchAiOnlyAsAWholeWord() {
        assertThat(ids("Rail operator said trains run late", "Maintenance crews repaired the line."))
                .doesNotContain("artificial-intelligence");
        assertThat(ids("Start-up ships AI-enabled cameras", "")).contains("artificial-intelligence");
        assertThat(ids("Quarterly update", "The firm invests in AI.")).contains("artificial-intelligence");
    }

    @Test
    void shouldMatchKeywordsWhateverTheirCase() {
        TagMatch defense =
                tag("defense", "MINISTRY OF DEFENCE announces review", "").orElseThrow();
        // the longest term wins at a position, so the explanation quotes the whole phrase
        assertThat(defense.terms(ArticleField.TITLE)).containsExactly("MINISTRY OF DEFENCE");
    }

    @Test
    void shouldRequireExactCaseForAmbiguousAcronyms() {
        assertThat(ids("Tell us what you think", "Readers wrote to us.")).doesNotContain("united-states");
        assertThat(ids("US officials meet counterparts", "")).contains("united-states");
    }

    @Test
    void shouldMatchPhrasesAcrossLineBreaksAndDashVariants() {
        assertThat(ids("Update", "The armed\nforces were placed on alert.")).contains("defense");
        assertThat(ids("Update", "Plans for co\u2013development were shelved.")).contains("defense-cooperation");
    }

    @Test
    void shouldIgnoreKeywordsInsideExcludedPhrasesOnly() {
        assertThat(ids("Court hears case", "The defense attorney asked for a delay."))
                .doesNotContain("defense");
        TagMatch mixed = tag(
                        "defense",
                        "Court hears case",
                        "The defense attorney, a former adviser to the defense ministry, asked for a delay.")
                .orElseThrow();
        assertThat(mixed.terms(ArticleField.BODY)).containsExactly("defense ministry");
    }

    @Test
    void shouldNeedTwoDistinctSportsTermsBeforeTaggingSports() {
        assertThat(ids("Flu season arrives early", "Clinics report more visits."))
                .doesNotContain("sports");
        assertThat(ids("Flu season arrives early", "The coach of the local team fell ill."))
                .contains("sports");
        // the same term twice is still one term
        assertThat(ids("Season", "A long season.")).doesNotContain("sports");
    }

    @Test
    void shouldReportFieldsAndOffsetsOfEveryHit() {
        NewsArticle a = Articles.article("Navy tests drone", "Engineers said the navy will test more.");
        TagMatch defense = tagger.tag(a).stream()
                .filter(m -> m.id().equals("defense"))
                .findFirst()
                .orElseThrow();
        assertThat(defense.fields()).containsExactly(ArticleField.TITLE, ArticleField.BODY);
        Hit bodyHit = defense.hits(ArticleField.BODY).get(0);
        assertThat(a.getBody().substring(bodyHit.start(), bodyHit.end())).isEqualTo("navy");
        Tag avro = defense.toAvro();
        assertThat(avro.getId()).isEqualTo("defense");
        assertThat(avro.getCategory()).isEqualTo("Security & Risk");
        assertThat(avro.getFields()).containsExactly("title", "body");
    }

    @Test
    void shouldTagNothingInUnrelatedText() {
        assertThat(tagger.tag(Articles.article("Bakery wins award", "The sourdough was praised by judges.")))
                .isEmpty();
    }

    @Test
    void shouldBuildRegexThatTreatsSpacesAndDashesLoosely() {
        assertThat("Army \u2013 Navy").doesNotMatch(KeywordTagger.termRegex("Army-Navy"));
        assertThat("Army\u2013Navy").matches(KeywordTagger.termRegex("Army-Navy"));
        assertThat("armed \t forces").matches(KeywordTagger.termRegex("armed forces"));
        assertThat("A.I.").matches(KeywordTagger.termRegex("A.I."));
        assertThat("AxIx").doesNotMatch(KeywordTagger.termRegex("A.I."));
    }
}
