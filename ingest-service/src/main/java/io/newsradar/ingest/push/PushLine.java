package io.newsradar.ingest.push;

import io.newsradar.ingest.NormalizedArticle;

/**
 * One article of a push (line 1 for a single-article body) after normalisation: the article, or
 * the reason it was rejected.
 *
 * @param line    1-based line number in the body
 * @param article the normalised article; null when rejected
 * @param reason  why the line was rejected; null when accepted
 */
record PushLine(int line, NormalizedArticle article, String reason) {
    static PushLine accepted(int line, NormalizedArticle article) {
        return new PushLine(line, article, null);
    }

    static PushLine rejected(int line, String reason) {
        return new PushLine(line, null, reason);
    }

    boolean isAccepted() {
        return article != null;
    }
}
