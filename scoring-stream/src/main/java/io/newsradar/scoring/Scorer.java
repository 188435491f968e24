package io.newsradar.scoring;

import io.newsradar.avro.Contribution;
import io.newsradar.avro.NewsArticle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The additive, explainable relevance score. Every point comes from a named contribution with a
 * sentence saying why, so an analyst can disagree with a specific term instead of a number.
 *
 * <p>Terms ({@code scoring:} section of the taxonomy, {@link ScoringSettings}): each tag's
 * weight by where it was found ({@link TagTerms}: title or lead above body above dateline, the
 * title's extra once per category, words counted once per theme), depth for tags that run through
 * a share of a full body, co-occurrence of tag pairs, concrete facts (programme, amount, date),
 * and, for articles on topic, recency, source weight and story coverage ({@link StoryTerms});
 * negative tags (sports, opinion, retrospective) subtract. Substance, not length: a three-sentence
 * wire item earns the same tag, pair and fact terms as a long article saying the same.
 *
 * <p>Each term is rounded to one decimal before summing, so the reasons add up to the score;
 * the score is the sum held to 0-10. Pure and thread-safe.
 */
public final class Scorer {
    private static final double MAX_SCORE = 10.0;

    private final ScoringSettings settings;
    private final SourceWeights sources;

    /** Source weights from the taxonomy's {@code scoring.sources}. */
    public Scorer(ScoringSettings settings) {
        this(settings, SourceWeights.byName(settings.sources()));
    }

    /** Source weights from elsewhere (the feed list), e.g. {@code feeds.orElse(byName(...))}. */
    public Scorer(ScoringSettings settings, SourceWeights sources) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.sources = Objects.requireNonNull(sources, "sources");
    }

    public ScoreCard score(NewsArticle article, List<TagMatch> matches) {
        return score(article, matches, ScoringContext.SINGLE);
    }

    public ScoreCard score(NewsArticle article, List<TagMatch> matches, ScoringContext context) {
        ArticleText text = ArticleText.of(article, settings);
        Map<String, TagMatch> byId = new LinkedHashMap<>();
        matches.forEach(m -> byId.put(m.id(), m));

        List<Contribution> terms = new ArrayList<>();
        TagTerms.add(matches, text, settings, terms);
        for (ScoringSettings.TagPair pair : settings.pairs()) {
            pairTerm(pair, byId, text, terms);
        }
        List<Fact> facts = new ArrayList<>();
        List<Fact.Kind> missing = new ArrayList<>();
        if (settings.onTopic(matches)) {
            facts.addAll(FactFinder.find(ArticleField.TITLE, text.title()));
            // a date in the dateline is when the story was filed, not a fact of it
            FactFinder.find(ArticleField.BODY, text.body()).stream()
                    .filter(f -> !text.inPlaceline(f.start(), f.end()))
                    .forEach(facts::add);
            factTerms(facts, terms, missing);
            StoryTerms.add(article, context, sources, settings, terms);
        }

        ScoreCard.Notes notes = new ScoreCard.Notes(
                !matches.isEmpty(), settings.onTopic(matches), missingSentence(missing), summarySentence(text));
        return card(terms, notes, keyPoints(text, matches, facts));
    }

    /**
     * The card again with the story's coverage: the coverage term for {@code outlets} distinct
     * outlets (none for 1, nor for an article off topic) replaces any coverage term the card had,
     * and the score and rationale follow. Cheap: no text is read again.
     */
    public ScoreCard withCoverage(ScoreCard card, int outlets) {
        List<Contribution> terms = new ArrayList<>(card.contributions().size() + 1);
        card.contributions().stream()
                .filter(c -> !StoryTerms.COVERAGE.equals(c.getFeature()))
                .forEach(terms::add);
        if (card.notes().onTopic()) {
            StoryTerms.coverage(outlets, settings, terms);
        }
        return card(terms, card.notes(), card.keyPoints());
    }

    private ScoreCard card(List<Contribution> terms, ScoreCard.Notes notes, List<String> keyPoints) {
        List<Contribution> ranked = terms.stream()
                .filter(c -> c.getValue() != 0.0)
                .sorted(Comparator.comparingDouble((Contribution c) -> Math.abs(c.getValue()))
                        .reversed())
                .toList();
        double sum = round(ranked.stream().mapToDouble(Contribution::getValue).sum());
        double score = round(Math.max(0.0, Math.min(MAX_SCORE, sum)));
        return new ScoreCard(score, ranked, rationale(ranked, sum, score, notes), keyPoints, notes);
    }

    private void pairTerm(
            ScoringSettings.TagPair pair, Map<String, TagMatch> byId, ArticleText text, List<Contribution> into) {
        TagMatch a = byId.get(pair.first());
        TagMatch b = byId.get(pair.second());
        if (a == null || b == null) {
            return;
        }
        String names = a.rule().label() + " and " + b.rule().label();
        String feature = "pair." + "%s:" + a.id() + "+" + b.id();
        if (a.in(ArticleField.TITLE) && b.in(ArticleField.TITLE)) {
            into.add(Terms.term(feature.formatted("title"), pair.title(), names + " named together in the title"));
            return;
        }
        Set<Integer> shared = new HashSet<>(sentencesWith(a, text));
        shared.retainAll(sentencesWith(b, text));
        if (!shared.isEmpty()) {
            into.add(Terms.term(
                    feature.formatted("sentence"),
                    pair.sentence(),
                    names + " named together in "
                            + (shared.size() == 1 ? "one sentence" : shared.size() + " sentences")));
        } else {
            into.add(Terms.term(
                    feature.formatted("article"), pair.article(), names + " both present, but never in one sentence"));
        }
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
                into.add(Terms.term(
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

    private String rationale(List<Contribution> ranked, double sum, double score, ScoreCard.Notes notes) {
        if (!notes.tagged()) {
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
            sb.append(Terms.signed(rest))
                    .append(" from ")
                    .append(ranked.size() - settings.rationaleSize())
                    .append(ranked.size() - settings.rationaleSize() == 1 ? " smaller term. " : " smaller terms. ");
        }
        if (!notes.missing().isEmpty()) {
            sb.append(notes.missing()).append(' ');
        }
        if (sum != score) {
            sb.append("The sum ")
                    .append(Terms.format(sum))
                    .append(" is held to ")
                    .append(Terms.format(score))
                    .append(". ");
        }
        sb.append(notes.summary());
        return sb.toString().strip();
    }

    private static String missingSentence(List<Fact.Kind> missing) {
        if (missing.isEmpty()) {
            return "";
        }
        List<String> names = missing.stream().map(Fact.Kind::feature).toList();
        return "No " + Terms.joinOr(names) + " named.";
    }

    private static String summarySentence(ArticleText text) {
        if (!text.summaryOnly()) {
            return "";
        }
        if (text.bodyWords() == 0) {
            return "Scored on the title only: the article has no body.";
        }
        if (text.markedSummary()) {
            return "Scored on the summary only: the source gives a summary (" + text.bodyWords()
                    + " words), not the full text.";
        }
        return "Scored on the summary only (" + text.bodyWords() + " words of body).";
    }

    private List<String> keyPoints(ArticleText text, List<TagMatch> matches, List<Fact> facts) {
        record Weighted(int index, double weight) {}
        // each hit or fact is placed by binary search, since a scan of every sentence per hit was
        // quadratic on long bodies of many short sentences
        List<Sentence> sentences = text.sentences();
        double[] weights = new double[sentences.size()];
        for (TagMatch m : matches) {
            if (!m.rule().negative()) {
                for (int i : sentencesWith(m, text)) {
                    weights[i] += m.rule().weight();
                }
            }
        }
        for (Fact f : facts) {
            int i = f.field() == ArticleField.BODY ? text.sentenceHolding(f.start(), f.end()) : -1;
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
    private static List<Integer> sentencesWith(TagMatch m, ArticleText text) {
        TreeSet<Integer> out = new TreeSet<>();
        for (Hit h : m.hits(ArticleField.BODY)) {
            int i = text.sentenceHolding(h.start(), h.end());
            if (i >= 0) {
                out.add(i);
            }
        }
        return new ArrayList<>(out);
    }

    static double round(double v) {
        return Terms.round(v);
    }

    /** Kept for callers that want a single feature's value (tests, dashboards). */
    public static Optional<Contribution> feature(ScoreCard card, String feature) {
        return card.contributions().stream()
                .filter(c -> c.getFeature().equals(feature))
                .findFirst();
    }
}
