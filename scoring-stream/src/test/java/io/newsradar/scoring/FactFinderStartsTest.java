package io.newsradar.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link FactFinder#find} tries each pattern only where a match of it can start; this checks it
 * against the plain search over the whole text on many texts made of the pieces the patterns
 * care about (keywords, months, currencies, numbers, punctuation, white space of every kind,
 * letters that do and do not make a word boundary), so a missing start shows up as a difference.
 */
class FactFinderStartsTest {
    private static final List<String> PIECES = List.of(
            "Project",
            "Programme",
            "Program",
            "Operation",
            "Initiative",
            "project",
            "programme",
            "program",
            "initiative",
            "Projects",
            "the",
            "The",
            "Blue",
            "Heron",
            "Kestrel-2",
            "National",
            "AI",
            "Ölfeld",
            "called",
            "named",
            "dubbed",
            "known as",
            "\"",
            "\u201C",
            "\u201D",
            "'",
            "$",
            "\u20AC",
            "\u00A3",
            "\u00A5",
            "\u20A9",
            "USD",
            "EUR",
            "GBP",
            "JPY",
            "KRW",
            "CNY",
            "AUD",
            "CAD",
            "1",
            "12",
            "1,250",
            "4.5",
            "2024",
            "1999",
            "2030",
            "19",
            "20",
            "-",
            "01",
            "31",
            ",",
            ".",
            "billion",
            "million",
            "bn",
            "m",
            "k",
            "thousand",
            "trillion",
            "dollars",
            "euros",
            "pounds",
            "yen",
            "won",
            "yuan",
            "francs",
            "kronor",
            "rupees",
            "January",
            "May",
            "June",
            "Sept.",
            "Sep.",
            "Jan.",
            "Dec",
            "Mayday",
            "st",
            "nd",
            "th",
            "by",
            "in",
            "from",
            "until",
            "through",
            "before",
            "x",
            "_",
            "\u00E9",
            "\u0301",
            "\u0663",
            "(",
            ")");
    private static final List<String> GAPS = List.of("", " ", " ", " ", "  ", "\n", "\t", "\u00A0", ", ");

    @Test
    void shouldFindWhatASearchOverTheWholeTextFinds() {
        Random random = new Random(20261129L);
        for (int n = 0; n < 20_000; n++) {
            StringBuilder text = new StringBuilder();
            int pieces = 1 + random.nextInt(24);
            for (int p = 0; p < pieces; p++) {
                text.append(PIECES.get(random.nextInt(PIECES.size())));
                text.append(GAPS.get(random.nextInt(GAPS.size())));
            }
            String t = text.toString();

            assertThat(FactFinder.find(ArticleField.BODY, t))
                    .as("facts in <%s>", t)
                    .isEqualTo(FactFinder.findByFullScan(ArticleField.BODY, t));
        }
    }

    @Test
    void shouldFindWhatASearchOverTheWholeTextFindsInTheSampleArticles() {
        for (var a : TestArticles.samples()) {
            assertThat(FactFinder.find(ArticleField.BODY, a.getBody()))
                    .isEqualTo(FactFinder.findByFullScan(ArticleField.BODY, a.getBody()));
            assertThat(FactFinder.find(ArticleField.TITLE, a.getTitle()))
                    .isEqualTo(FactFinder.findByFullScan(ArticleField.TITLE, a.getTitle()));
        }
    }
}
