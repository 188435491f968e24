package io.newsradar.scoring.rules;

import io.newsradar.avro.NewsArticle;
import io.newsradar.scoring.ArticleField;
import io.newsradar.scoring.Hit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.lucene.monitor.HighlightsMatch;

/**
 * Turns Monitor highlights (index field + offsets, one per matched word) into the scorer's hits:
 * the article field, the words as the article wrote them, and their offsets in that field.
 *
 * <p>The same words can be found through several index forms (stemmed and exact) and a phrase
 * is reported word by word, so hits that overlap, or that touch with only spaces or a dash
 * between them on one line, become one hit: "Ministry of Defence", not three words.
 */
final class HitMapper {
    private HitMapper() {}

    private record Span(int start, int end) {}

    static List<Hit> hits(HighlightsMatch match, NewsArticle article) {
        List<Hit> out = new ArrayList<>();
        for (ArticleField field : ArticleField.values()) {
            List<Span> spans = new ArrayList<>();
            for (Map.Entry<String, java.util.Set<HighlightsMatch.Hit>> e :
                    match.getHits().entrySet()) {
                if (Analysis.articleField(e.getKey()) == field) {
                    add(spans, e.getValue());
                }
            }
            String text = ArticleDocument.text(article, field);
            for (Span s : merge(spans, text)) {
                int end = withoutPossessive(text, s.start, s.end);
                out.add(new Hit(field, text.substring(s.start, end), s.start, end));
            }
        }
        return out;
    }

    /**
     * The analysis drops a possessive ("Korea's" matches "korea") but its offsets keep it; the
     * hit quotes the word the rule asked for.
     */
    private static int withoutPossessive(String text, int start, int end) {
        if (end - start > 2 && (text.charAt(end - 1) == 's' || text.charAt(end - 1) == 'S')) {
            char apostrophe = text.charAt(end - 2);
            if (apostrophe == '\'' || apostrophe == '\u2019' || apostrophe == '\u02BC') {
                return end - 2;
            }
        }
        return end;
    }

    private static void add(List<Span> spans, Collection<HighlightsMatch.Hit> hits) {
        for (HighlightsMatch.Hit h : hits) {
            if (h.startOffset >= 0 && h.endOffset > h.startOffset) {
                spans.add(new Span(h.startOffset, h.endOffset));
            }
        }
    }

    private static List<Span> merge(List<Span> spans, String text) {
        spans.sort(Comparator.comparingInt(Span::start)
                .thenComparing(Comparator.comparingInt(Span::end).reversed()));
        List<Span> merged = new ArrayList<>();
        Span cur = null;
        for (Span s : spans) {
            if (s.end > text.length()) {
                continue; // cannot happen with offsets from the article's own text; never index past it
            }
            if (cur != null && (s.start <= cur.end || joinable(text, cur.end, s.start))) {
                cur = new Span(cur.start, Math.max(cur.end, s.end));
            } else {
                if (cur != null) {
                    merged.add(cur);
                }
                cur = s;
            }
        }
        if (cur != null) {
            merged.add(cur);
        }
        return merged;
    }

    /** Only spaces, tabs, no-break spaces, hyphens or dashes between two hits: one run of words. */
    private static boolean joinable(String text, int from, int to) {
        if (to - from > 3) {
            return false;
        }
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            boolean space = c == ' ' || c == '\t' || c == '\u00A0';
            boolean dash = c == '-' || (c >= '\u2010' && c <= '\u2015');
            if (!space && !dash) {
                return false;
            }
        }
        return true;
    }
}
