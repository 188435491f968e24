package io.newsradar.scoring;

import io.newsradar.avro.NewsArticle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tags articles by whole-word keyword and phrase matching: the taxonomy's rules compiled once to
 * regular expressions, then run over the title and the body. Thread-safe once built.
 */
public final class KeywordTagger implements Tagger {
    // letters and digits on either side would make "AI" match inside "RAIL" or "ai" inside "said"
    private static final String BEFORE = "(?<![\\p{L}\\p{N}_])";
    private static final String AFTER = "(?![\\p{L}\\p{N}_])";
    // possessive: a term never has white space right after a space run (termRegex folds every
    // run, non-breaking spaces included, into one SPACE), so giving characters back cannot help
    private static final String SPACE = "[\\s\\u00A0]++";
    private static final String DASH = "[-\\u2010-\\u2015]";

    private final List<CompiledRule> rules;

    public KeywordTagger(Taxonomy taxonomy) {
        this.rules = taxonomy.rules().stream().map(CompiledRule::new).toList();
    }

    @Override
    public List<TagMatch> tag(NewsArticle article) {
        String title = article.getTitle() == null ? "" : article.getTitle();
        String body = article.getBody() == null ? "" : article.getBody();
        List<TagMatch> out = new ArrayList<>();
        for (CompiledRule rule : rules) {
            List<Hit> hits = new ArrayList<>();
            rule.find(ArticleField.TITLE, title, hits);
            rule.find(ArticleField.BODY, body, hits);
            if (!hits.isEmpty() && rule.distinctTerms(hits) >= rule.rule.minMatches()) {
                hits.sort(Comparator.comparing(Hit::field).thenComparingInt(Hit::start));
                out.add(new TagMatch(rule.rule, hits));
            }
        }
        return out;
    }

    /** The regular expression of one term, public to the package for tests. */
    static String termRegex(String term) {
        StringBuilder sb = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        boolean inSpace = false;
        for (int i = 0; i < term.length(); i++) {
            char c = term.charAt(i);
            if (Character.isWhitespace(c) || c == '\u00A0') {
                if (!inSpace) {
                    flush(literal, sb);
                    sb.append(SPACE);
                }
                inSpace = true;
                continue;
            }
            inSpace = false;
            if (c == '-' || (c >= '\u2010' && c <= '\u2015')) {
                flush(literal, sb);
                sb.append(DASH);
            } else {
                literal.append(c);
            }
        }
        flush(literal, sb);
        return sb.toString();
    }

    private static void flush(StringBuilder literal, StringBuilder sb) {
        if (literal.length() > 0) {
            sb.append(Pattern.quote(literal.toString()));
            literal.setLength(0);
        }
    }

    private static Pattern alternation(List<String> terms, int flags) {
        if (terms.isEmpty()) {
            return null;
        }
        // longest first, so "ministry of defense" wins over "defense" at the same position
        List<String> sorted = new ArrayList<>(terms);
        sorted.sort(Comparator.comparingInt(String::length).reversed());
        StringBuilder sb = new StringBuilder(BEFORE).append("(?:");
        for (int i = 0; i < sorted.size(); i++) {
            if (i > 0) {
                sb.append('|');
            }
            sb.append(termRegex(sorted.get(i)));
        }
        return Pattern.compile(sb.append(')').append(AFTER).toString(), flags);
    }

    private static final class CompiledRule {
        private static final int CI = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;

        final TagRule rule;
        final Pattern anyCase;
        final Pattern exactCase;
        final Pattern exclude;

        CompiledRule(TagRule rule) {
            this.rule = rule;
            this.anyCase = alternation(rule.keywords(), CI);
            this.exactCase = alternation(rule.exactCase(), 0);
            this.exclude = alternation(rule.exclude(), CI);
        }

        void find(ArticleField field, String text, List<Hit> into) {
            if (text.isEmpty()) {
                return;
            }
            List<int[]> excluded = spans(exclude, text);
            collect(anyCase, field, text, excluded, into);
            collect(exactCase, field, text, excluded, into);
        }

        private static void collect(Pattern p, ArticleField field, String text, List<int[]> excluded, List<Hit> into) {
            if (p == null) {
                return;
            }
            Matcher m = p.matcher(text);
            while (m.find()) {
                if (!inside(m.start(), m.end(), excluded)) {
                    into.add(new Hit(field, m.group(), m.start(), m.end()));
                }
            }
        }

        private static List<int[]> spans(Pattern p, String text) {
            List<int[]> spans = new ArrayList<>();
            if (p != null) {
                Matcher m = p.matcher(text);
                while (m.find()) {
                    spans.add(new int[] {m.start(), m.end()});
                }
            }
            return spans;
        }

        private static boolean inside(int start, int end, List<int[]> spans) {
            for (int[] s : spans) {
                if (start < s[1] && end > s[0]) {
                    return true;
                }
            }
            return false;
        }

        int distinctTerms(List<Hit> hits) {
            Set<String> distinct = new HashSet<>();
            for (Hit h : hits) {
                distinct.add(h.text()
                        .toLowerCase(Locale.ROOT)
                        .replaceAll("[\\s\\u00A0]+", " ")
                        .replaceAll(DASH, "-"));
            }
            return distinct.size();
        }
    }
}
