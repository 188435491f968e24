package io.newsradar.scoring;

import io.newsradar.avro.Contribution;
import io.newsradar.avro.NewsArticle;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The additive, explainable relevance score. Every point comes from a named contribution with a
 * sentence saying why, so an analyst can disagree with a specific term instead of a number.
 *
 * <p>Terms: each tag's weight (times the title factor when it is in the title), a depth bonus for
 * tags that run through the body, co-occurrence of tag pairs, concrete facts (programme, amount,
 * date) when the article is on topic, and negative tags (sports, opinion, retrospective).
 * Each term is rounded to one decimal before summing, so the reasons add up to the score.
 * Pure and thread-safe.
 */
public final class Scorer {
    private static final double MAX_SCORE = 10.0;
    private static final int MAX_TERMS_IN_REASON = 3;

    private final ScoringSettings settings;

    public Scorer(ScoringSettings settings) {
        this.settings = settings;
    }

    public ScoreCard score(NewsArticle article, List<TagMatch> matches) {
        String title = article.getTitle() == null ? "" : article.getTitle();
        String body = article.getBody() == null ? "" : article.getBody();
        List<Sentence> sentences = SentenceSplitter.split(body);
        Map<String, TagMatch> byId = new LinkedHashMap<>();
        matches.forEach(m -> byId.put(m.id(), m));

        List<Contribution> terms = new ArrayList<>();
        for (TagMatch m : matches) {
            tagTerms(m, sentences, terms);
        }
        for (ScoringSettings.TagPair pair : settings.pairs()) {
            pairTerm(pair, byId, sentences, terms);
        }
        List<Fact> facts = new ArrayList<>();
        List<Fact.Kind> missing = new ArrayList<>();
        if (onTopicForFacts(byId.keySet())) {
            facts.addAll(FactFinder.find(ArticleField.TITLE, title));
            facts.addAll(FactFinder.find(ArticleField.BODY, body));
            factTerms(facts, terms, missing);
        }

        List<Contribution> ranked = terms.stream()
                .filter(c -> c.getValue() != 0.0)
                .sorted(Comparator.comparingDouble((Contribution c) -> Math.abs(c.getValue()))
                        .reversed())
                .toList();
        double sum = round(ranked.stream().mapToDouble(Contribution::getValue).sum());
        double score = round(Math.max(0.0, Math.min(MAX_SCORE, sum)));
        return new ScoreCard(
                score, ranked, rationale(ranked, sum, score, matches, missing), keyPoints(sentences, matches, facts));
    }

    private void tagTerms(TagMatch m, List<Sentence> sentences, List<Contribution> into) {
        TagRule rule = m.rule();
        boolean inTitle = m.in(ArticleField.TITLE);
        if (inTitle) {
            into.add(term(
                    "tag.title:" + rule.id(),
                    rule.weight() * settings.titleFactor(),
                    rule.label() + " in the title: " + list(m.terms(ArticleField.TITLE))));
        } else {
            into.add(term(
                    "tag.body:" + rule.id(),
                    rule.weight(),
                    rule.label() + " in the body: " + list(m.terms(ArticleField.BODY))));
        }
        int spread = sentencesWith(m, sentences).size();
        if (spread >= settings.depth().minSentences()
                && !settings.depth().skipCategories().contains(rule.category())) {
            into.add(term(
                    "depth:" + rule.id(),
                    rule.weight() * settings.depth().factor(),
                    rule.label() + " runs through " + spread + " sentences of the body"));
        }
    }

    private void pairTerm(
            ScoringSettings.TagPair pair,
            Map<String, TagMatch> byId,
            List<Sentence> sentences,
            List<Contribution> into) {
        TagMatch a = byId.get(pair.first());
        TagMatch b = byId.get(pair.second());
        if (a == null || b == null) {
            return;
        }
        String names = a.rule().label() + " and " + b.rule().label();
        String feature = "pair." + "%s:" + a.id() + "+" + b.id();
        if (a.in(ArticleField.TITLE) && b.in(ArticleField.TITLE)) {
            into.add(term(feature.formatted("title"), pair.title(), names + " named together in the title"));
            return;
        }
        Set<Integer> shared = new HashSet<>(sentencesWith(a, sentences));
        shared.retainAll(sentencesWith(b, sentences));
        if (!shared.isEmpty()) {
            into.add(term(
                    feature.formatted("sentence"),
                    pair.sentence(),
                    names + " named together in "
                            + (shared.size() == 1 ? "one sentence" : shared.size() + " sentences")));
        } else {
            into.add(term(
                    feature.formatted("article"), pair.article(), names + " both present, but never in one sentence"));
        }
    }

    private boolean onTopicForFacts(Set<String> tagIds) {
        return tagIds.stream().anyMatch(settings.specificity().requiresAnyTag()::contains);
    }

    private void factTerms(List<Fact> facts, List<Contribution> into, List<Fact.Kind> missing) {
        Map<Fact.Kind, Fact> first = new EnumMap<>(Fact.Kind.class);
        facts.forEach(f -> first.putIfAbsent(f.kind(), f));
        for (Fact.Kind kind : Fact.Kind.values()) {
            double weight = factWeight(kind);
            if (weight <= 0) {
                continue;
            }
            Fact f = first.get(kind);
            if (f == null) {
                missing.add(kind);
            } else {
                long more = facts.stream()
                                .filter(g -> g.kind() == kind)
                                .map(Fact::text)
                                .distinct()
                                .count()
                        - 1;
                into.add(term(
                        "specificity." + kind.feature(),
                        weight,
                        kind.phrase() + ": " + f.text() + (more > 0 ? " (and " + more + " more)" : "")));
            }
        }
    }

    private double factWeight(Fact.Kind kind) {
        return switch (kind) {
            case PROGRAMME -> settings.specificity().programme();
            case AMOUNT -> settings.specificity().amount();
            case DATE -> settings.specificity().date();
        };
    }

    private String rationale(
            List<Contribution> ranked, double sum, double score, List<TagMatch> matches, List<Fact.Kind> missing) {
        if (matches.isEmpty()) {
            return "No taxonomy tag matched: nothing in the article is a watched topic.";
        }
        StringBuilder sb = new StringBuilder();
        ranked.stream()
                .limit(settings.rationaleSize())
                .forEach(c -> sb.append(c.getReason()).append(". "));
        if (ranked.size() > settings.rationaleSize()) {
            double rest = round(ranked.stream()
                    .skip(settings.rationaleSize())
                    .mapToDouble(Contribution::getValue)
                    .sum());
            sb.append(signed(rest))
                    .append(" from ")
                    .append(ranked.size() - settings.rationaleSize())
                    .append(ranked.size() - settings.rationaleSize() == 1 ? " smaller term. " : " smaller terms. ");
        }
        if (!missing.isEmpty()) {
            List<String> names = missing.stream().map(k -> k.feature()).toList();
            sb.append("No ").append(joinOr(names)).append(" named. ");
        }
        if (sum != score) {
            sb.append("The sum ")
                    .append(format(sum))
                    .append(" is held to ")
                    .append(format(score))
                    .append(". ");
        }
        return sb.toString().strip();
    }

    private List<String> keyPoints(List<Sentence> sentences, List<TagMatch> matches, List<Fact> facts) {
        record Weighted(int index, double weight) {}
        // weights added per sentence in the same order as before (tags, then facts), so the sums
        // and thus the ranking are unchanged; each hit or fact is placed by binary search, since a
        // scan of every sentence per hit was quadratic on long bodies of many short sentences
        double[] weights = new double[sentences.size()];
        for (TagMatch m : matches) {
            if (!m.rule().negative()) {
                for (int i : sentencesWith(m, sentences)) {
                    weights[i] += m.rule().weight();
                }
            }
        }
        for (Fact f : facts) {
            int i = f.field() == ArticleField.BODY ? sentenceHolding(sentences, f.start(), f.end()) : -1;
            if (i >= 0) {
                weights[i] += factWeight(f.kind());
            }
        }
        List<Weighted> weighted = new ArrayList<>();
        for (int i = 0; i < weights.length; i++) {
            if (weights[i] > 0) {
                weighted.add(new Weighted(i, weights[i]));
            }
        }
        return weighted.stream()
                .sorted(Comparator.comparingDouble(Weighted::weight).reversed().thenComparingInt(Weighted::index))
                .limit(settings.keyPoints())
                .map(w -> sentences.get(w.index()).text())
                .toList();
    }

    /** Indices of the sentences holding at least one body hit of the match, in order. */
    private static List<Integer> sentencesWith(TagMatch m, List<Sentence> sentences) {
        TreeSet<Integer> out = new TreeSet<>();
        for (Hit h : m.hits(ArticleField.BODY)) {
            int i = sentenceHolding(sentences, h.start(), h.end());
            if (i >= 0) {
                out.add(i);
            }
        }
        return new ArrayList<>(out);
    }

    /** The index of the sentence that wholly holds [start, end), or -1; sentences are in order and disjoint. */
    private static int sentenceHolding(List<Sentence> sentences, int start, int end) {
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

    private static Contribution term(String feature, double value, String what) {
        double v = round(value);
        return Contribution.newBuilder()
                .setFeature(feature)
                .setValue(v)
                .setReason(signed(v) + " " + what)
                .build();
    }

    static double round(double v) {
        return BigDecimal.valueOf(v).setScale(1, RoundingMode.HALF_UP).doubleValue();
    }

    private static String signed(double v) {
        return (v >= 0 ? "+" : "") + format(v);
    }

    private static String format(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    private static String list(List<String> terms) {
        String shown = terms.stream().limit(MAX_TERMS_IN_REASON).collect(Collectors.joining(", "));
        return terms.size() > MAX_TERMS_IN_REASON
                ? shown + " and " + (terms.size() - MAX_TERMS_IN_REASON) + " more"
                : shown;
    }

    private static String joinOr(List<String> names) {
        if (names.size() == 1) {
            return names.get(0);
        }
        return String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.get(names.size() - 1);
    }

    /** Kept for callers that want a single feature's value (tests, dashboards). */
    public static Optional<Contribution> feature(ScoreCard card, String feature) {
        return card.contributions().stream()
                .filter(c -> c.getFeature().equals(feature))
                .findFirst();
    }
}
