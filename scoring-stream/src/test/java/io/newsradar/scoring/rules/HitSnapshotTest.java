package io.newsradar.scoring.rules;

import io.newsradar.avro.NewsArticle;
import io.newsradar.scoring.Hit;
import io.newsradar.scoring.PinnedSnapshot;
import io.newsradar.scoring.ScoringRules;
import io.newsradar.scoring.ScoringSettings;
import io.newsradar.scoring.TagMatch;
import io.newsradar.scoring.TagRule;
import io.newsradar.scoring.Tagging;
import io.newsradar.scoring.Taxonomy;
import io.newsradar.scoring.TestArticles;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Pins what the tagger finds, down to every hit's field, offsets and quoted text (what the
 * rationale quotes), so a change made for speed cannot change a result unnoticed.
 *
 * <p>Two rulesets: the default taxonomy, and {@link #WILDCARD_RULES}, which exercise the parts a
 * faster matcher touches (wildcards and prefixes of every length, {@code ?}, field scopes, case,
 * exclusions, NOT, minMatches). Two corpora: the team's samples, written out hit by hit, and, when
 * the shared evaluation texts are there (../shared/eval, not in the repository), its 7,000 news
 * items as one digest per block of 100 articles.
 *
 * <p>The expected file is src/test/resources/io/newsradar/scoring/rules/hits-snapshot.txt. After a
 * change that is MEANT to change results, rewrite it with
 * {@code -Dnewsradar.hits.snapshot.update=true} and review its diff.
 */
class HitSnapshotTest {
    private static final String RESOURCE = "io/newsradar/scoring/rules/hits-snapshot.txt";
    private static final String UPDATE_PROPERTY = "newsradar.hits.snapshot.update";

    /** Rules aimed at the presearcher and the analysis, not at being good rules. */
    static final List<TagRule> WILDCARD_RULES = List.of(
            rule("w-short-prefix", "m*"),
            rule("w-prefix", "milit* OR defen*"),
            rule("w-long-prefix", "internationa* OR governmen*"),
            rule("w-question", "defen?e OR organi?ation*"),
            rule("w-question-early", "t?ade"),
            rule("w-inner-star", "c*na OR te*ology"),
            rule("w-title", "title:presid* OR title:elect*"),
            rule("w-body", "body:oil* AND body:pric*"),
            rule("w-cased", "cased:US* OR cased:Kore*"),
            rule("w-cased-title", "title.cased:Ira?"),
            rule("w-and-not", "compan* AND NOT (profit* OR shar*)"),
            rule("w-under-not", "game AND NOT season*"),
            rule("w-phrase-and", "\"prime minister\" AND elect*"),
            rule("w-proximity", "\"nuclear program\"~3 OR nuclea*"),
            rule("w-dotted", "u.s* OR \"U.N.\""),
            new TagRule("w-min", "w-min", "Test", 1.0, "secur* OR forc* OR troop* OR nato", List.of(), 2, ""),
            new TagRule(
                    "w-exclude",
                    "w-exclude",
                    "Test",
                    1.0,
                    "defen* OR secur*",
                    List.of("security council", "defensive end"),
                    1,
                    ""),
            rule("w-stem-and-wild", "missile AND launch*"),
            rule("w-numbers", "20* AND percent"),
            rule("w-no-match", "zzyzx* OR qwert?"));

    @Test
    void shouldFindTheSameHitsAsThePinnedSnapshot() throws IOException {
        PinnedSnapshot.assertMatches(HitSnapshotTest.class, RESOURCE, UPDATE_PROPERTY, snapshot());
    }

    private static String snapshot() {
        List<NewsArticle> samples = TestArticles.samples();
        List<NewsArticle> eval = PinnedSnapshot.evalArticles();
        StringBuilder out = new StringBuilder();
        out.append("# hits of the tagger: see HitSnapshotTest\n");
        try (MonitorTagger defaults = new MonitorTagger(ScoringRules.defaults().taxonomy());
                MonitorTagger wildcards =
                        new MonitorTagger(new Taxonomy("wildcards", 1, ScoringSettings.defaults(), WILDCARD_RULES))) {
            for (var named : List.of(new Named("default", defaults), new Named("wildcards", wildcards))) {
                for (NewsArticle a : samples) {
                    out.append(describe(named.name, a, named.tagger.match(a)));
                }
                out.append(PinnedSnapshot.evalBlocks(
                        named.name, eval, a -> describe(named.name, a, named.tagger.match(a))));
            }
        }
        return out.toString();
    }

    private record Named(String name, MonitorTagger tagger) {}

    private static String describe(String ruleset, NewsArticle a, Tagging t) {
        StringBuilder s = new StringBuilder();
        for (TagMatch m : t.tags()) {
            s.append(ruleset).append(' ').append(a.getId()).append(' ').append(m.id());
            for (Hit h : m.hits()) {
                s.append(" | ")
                        .append(h.field().fieldName())
                        .append(' ')
                        .append(h.start())
                        .append('-')
                        .append(h.end())
                        .append(' ')
                        .append(h.text().replace('\n', ' '));
            }
            s.append('\n');
        }
        t.errors()
                .forEach(e -> s.append(ruleset)
                        .append(' ')
                        .append(a.getId())
                        .append(" ERROR ")
                        .append(e.ruleId())
                        .append('\n'));
        return s.toString();
    }

    private static TagRule rule(String id, String query) {
        return new TagRule(id, id, "Test", 1.0, query);
    }
}
