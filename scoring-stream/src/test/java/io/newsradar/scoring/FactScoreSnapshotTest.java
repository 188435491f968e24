package io.newsradar.scoring;

import io.newsradar.avro.Contribution;
import io.newsradar.avro.NewsArticle;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Pins what {@link FactFinder} finds (every fact's kind, field, offsets and text) and what the
 * {@link Scorer} makes of the default rules (score, every contribution, rationale, key points), so
 * a change made for speed cannot change a result unnoticed.
 *
 * <p>Facts are looked for in every title and body, on topic or not (the scorer asks only for
 * articles on topic). Corpora: the team's samples and {@link #EDGE_TEXTS} (shapes
 * at the edges of the patterns), written out line by line; and, when the shared evaluation texts
 * are there (../shared/eval, not in the repository), its 7,000 news items as one digest per block
 * of 100 articles.
 *
 * <p>The expected file is src/test/resources/io/newsradar/scoring/facts-snapshot.txt. After a
 * change that is MEANT to change results, rewrite it with
 * {@code -Dnewsradar.facts.snapshot.update=true} and review its diff.
 */
class FactScoreSnapshotTest {
    private static final String RESOURCE = "io/newsradar/scoring/facts-snapshot.txt";
    private static final String UPDATE_PROPERTY = "newsradar.facts.snapshot.update";

    /** Texts at the edges of the patterns: what a faster finder could get wrong. */
    static final List<String> EDGE_TEXTS = List.of(
            "Project Blue Heron, Programme Kestrel-2 and Operation Ölfeld Nord; Initiative x; the Program Alpha",
            "The Tidewatch programme, the Blue Harbor Initiative, the National Programme, the Red Sky Lantern Project",
            "the AI programme, The Joint Program, the Defense Initiative, the Sea Wolf project called off",
            "a programme called \u201CLantern\u201D, a project named 'Orca Two', an initiative known as  Delta",
            "Projects and Programmes, Operational plans, initiatives called none, the project dubbed Q9",
            "$1.2 billion, $ 40m, $5bn, \u20AC300 million, \u00A32,500, \u00A5900k, \u20A91,250,000 won and $1,2,3",
            "USD 5 million, EUR40mn, GBP 1.5 bn, JPYen, KRW 900 billion, CNY5, AUD 12 thousand, CAD1.5",
            "worth 900 billion won, 1,250,000 dollars, 4.5billion euros, 12 yen, 3 pounds, 7 francs, 8 kronor",
            "9 rupees, 10 yuan, 5 dollarsign, x5 dollars, 5,5 dollars, 1.5.6 euros, 2 trillion  dollars, 0.5 won",
            "Sales rose 6 percent in 12 stores; the team won 3-1; he won 900 votes; 1,000 won't",
            "January 5, February 29th, 2024, March 3rd 2025, April 1, May 22nd, June 2026, July 4th, August 31",
            "September 11, 2001, October 2024, November 5th, December 25, Jan. 5, Feb. 2, Mar. 3, Apr. 4, Aug. 5",
            "Sept. 9, Sep. 10, Oct. 11, Nov. 12, Dec. 13, 5 May, 17 June 2025, 1 Jan. 2026, 31 December",
            "Mayday 5, Junebug 2024, May 123, 2024-01-31, 12024-01-31, 2024-1-31, 2024-01-311, x2024-01-31",
            "by 2030, in 1999, from 2025 until 2027, through 2040, before 2100, in 2150, by  2031, within 2030",
            "Seoul, March 3 (Yonhap) -- in 2024 the army's $2.1 billion Project Kestrel began on 4 April 2025.",
            "1,1,1,1,1 dollars and 2,,3 euros, ,5 won, 5, dollars, 7\u00A0dollars, 8\tdollars, 9\ndollars",
            "Operation\u00A0Sea Lion, Project\nMercury, the\tApollo program, the  Gemini  Initiative",
            "\u00C9tat 5 May, caf\u00E9 2024-05-05, na\u00EFve by 2030, \u0647 in 2030, _by 2030, by_2030, 2by 2030");

    @Test
    void shouldFindTheSameFactsAndScoresAsThePinnedSnapshot() throws IOException {
        PinnedSnapshot.assertMatches(FactScoreSnapshotTest.class, RESOURCE, UPDATE_PROPERTY, snapshot());
    }

    private static String snapshot() {
        List<NewsArticle> written = new ArrayList<>(TestArticles.samples());
        for (int i = 0; i < EDGE_TEXTS.size(); i++) {
            written.add(Articles.article("Navy AI drones: edge text " + i + " by 2030", EDGE_TEXTS.get(i)));
        }
        List<NewsArticle> eval = PinnedSnapshot.evalArticles();
        StringBuilder out = new StringBuilder();
        out.append("# facts and score cards of the default rules: see FactScoreSnapshotTest\n");
        try (ScoringEngine engine = ScoringEngine.of(ScoringRules.defaults())) {
            for (NewsArticle a : written) {
                out.append(describe(engine, a));
            }
            out.append(PinnedSnapshot.evalBlocks(null, eval, a -> describe(engine, a)));
        }
        return out.toString();
    }

    private static String describe(ScoringEngine engine, NewsArticle a) {
        StringBuilder s = new StringBuilder();
        String id = String.valueOf(a.getId());
        List<Fact> facts = new ArrayList<>(FactFinder.find(ArticleField.TITLE, a.getTitle()));
        facts.addAll(FactFinder.find(ArticleField.BODY, a.getBody()));
        for (Fact f : facts) {
            s.append("fact ")
                    .append(id)
                    .append(' ')
                    .append(f.kind().feature())
                    .append(' ')
                    .append(f.field().fieldName())
                    .append(' ')
                    .append(f.start())
                    .append('-')
                    .append(f.end())
                    .append(' ')
                    .append(oneLine(f.text()))
                    .append('\n');
        }
        ScoreCard card = engine.evaluate(a).card();
        s.append("score ").append(id).append(' ').append(card.score()).append('\n');
        for (Contribution c : card.contributions()) {
            s.append("term ")
                    .append(id)
                    .append(' ')
                    .append(c.getFeature())
                    .append(' ')
                    .append(c.getValue())
                    .append(' ')
                    .append(oneLine(String.valueOf(c.getReason())))
                    .append('\n');
        }
        s.append("rationale ")
                .append(id)
                .append(' ')
                .append(oneLine(card.rationale()))
                .append('\n');
        for (String k : card.keyPoints()) {
            s.append("key ").append(id).append(' ').append(oneLine(k)).append('\n');
        }
        return s.toString();
    }

    private static String oneLine(String s) {
        return s.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r");
    }
}
