package io.newsradar.scoring;

import io.newsradar.avro.NewsArticle;
import io.newsradar.schemas.article.ArticleMarks;
import java.util.List;

/**
 * An article's text as the scorer reads it: title, body, the body's sentences, the parts of the
 * body that only say where and by whom it was filed, and whether the body is only a summary.
 *
 * @param bodyWords   words in the body (white-space separated)
 * @param summaryOnly the body is only a summary: ingest says so ({@code bodyKind} SUMMARY), or,
 *                    when ingest does not know ({@code bodyKind} UNKNOWN, or a value this reader
 *                    does not know), it has at most {@code scoring.summaryOnly.maxWords} words; a
 *                    body ingest marks FULL_TEXT is never a summary, however short
 * @param markedSummary ingest marked the body a summary (rather than the word count saying so)
 */
record ArticleText(
        String title,
        String body,
        List<Sentence> sentences,
        List<Placelines.Span> placelines,
        int bodyWords,
        boolean summaryOnly,
        boolean markedSummary) {

    static ArticleText of(NewsArticle article, ScoringSettings settings) {
        String title = article.getTitle() == null ? "" : article.getTitle();
        String body = article.getBody() == null ? "" : article.getBody();
        int words = words(body);
        return new ArticleText(
                title,
                body,
                SentenceSplitter.split(body),
                Placelines.find(body),
                words,
                summaryOnly(article.getBodyKind(), words, settings),
                ArticleMarks.SUMMARY.equals(article.getBodyKind()));
    }

    /** What ingest recorded wins; the word count only guesses where it recorded nothing. */
    private static boolean summaryOnly(String bodyKind, int words, ScoringSettings settings) {
        if (ArticleMarks.SUMMARY.equals(bodyKind)) {
            return true;
        }
        if (ArticleMarks.FULL_TEXT.equals(bodyKind)) {
            return false;
        }
        return words <= settings.summaryOnly().maxWords();
    }

    /** Whether the body range lies in a byline, dateline or credit line. */
    boolean inPlaceline(int start, int end) {
        return Placelines.inAny(placelines, start, end);
    }

    /** The index of the sentence that wholly holds [start, end), or -1; sentences are in order and disjoint. */
    int sentenceHolding(int start, int end) {
        int lo = 0;
        int hi = sentences.size() - 1;
        int found = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (sentences.get(mid).start() <= start) {
                found = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return found >= 0 && end <= sentences.get(found).end() ? found : -1;
    }

    private static int words(String text) {
        int n = 0;
        boolean inWord = false;
        for (int i = 0; i < text.length(); i++) {
            boolean space = Character.isWhitespace(text.charAt(i));
            if (!space && !inWord) {
                n++;
            }
            inWord = !space;
        }
        return n;
    }
}
