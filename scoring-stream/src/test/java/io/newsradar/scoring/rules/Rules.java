package io.newsradar.scoring.rules;

import io.newsradar.avro.NewsArticle;
import io.newsradar.scoring.ScoringSettings;
import io.newsradar.scoring.TagMatch;
import io.newsradar.scoring.TagRule;
import io.newsradar.scoring.Taxonomy;
import io.newsradar.scoring.TestArticles;
import java.util.List;
import java.util.Optional;

/** One-rule taggers for the query-language tests. */
final class Rules {
    private Rules() {}

    static TagRule rule(String query) {
        return new TagRule("probe", "probe", "Test", 1.0, query);
    }

    static MonitorTagger tagger(TagRule... rules) {
        return new MonitorTagger(new Taxonomy("test", 1, ScoringSettings.defaults(), List.of(rules)));
    }

    /** The probe rule's match on an article with this title and body, if it matches. */
    static Optional<TagMatch> match(TagRule rule, String title, String body) {
        return match(rule, TestArticles.article(title, body));
    }

    static Optional<TagMatch> match(TagRule rule, NewsArticle article) {
        try (MonitorTagger t = tagger(rule)) {
            return t.tag(article).stream().findFirst();
        }
    }

    static boolean matches(String query, String title, String body) {
        return match(rule(query), title, body).isPresent();
    }

    static boolean matchesBody(String query, String body) {
        return matches(query, "", body);
    }
}
