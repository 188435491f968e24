package io.newsradar.scoring;

import static io.newsradar.scoring.RulesLoader.knownTag;
import static io.newsradar.scoring.RulesLoader.nonNegative;
import static io.newsradar.scoring.RulesLoader.orZero;
import static io.newsradar.scoring.RulesLoader.quote;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The {@code scoring:} section of the taxonomy: its file shape and its checks. Every field may be
 * left out (the default of {@link ScoringSettings#defaults()} applies); every error names the
 * field ({@code scoring.recency.stale}) and what is wrong.
 */
final class ScoringSection {
    private static final double MAX_SOURCE_WEIGHT = 5.0;

    private ScoringSection() {}

    record Doc(
            Double titleFactor,
            Integer leadSentences,
            DepthDoc depth,
            List<PairDoc> pairs,
            SpecificityDoc specificity,
            RecencyDoc recency,
            Map<String, Double> sources,
            CoverageDoc coverage,
            DatelineDoc dateline,
            SummaryOnlyDoc summaryOnly,
            Integer rationaleSize,
            Integer keyPoints) {}

    record DepthDoc(Integer minSentences, Double minShare, Double factor, List<String> skipCategories) {}

    record PairDoc(List<String> tags, Double title, Double sentence, Double article) {}

    record SpecificityDoc(List<String> requiresAnyTag, Double programme, Double amount, Double date) {}

    record RecencyDoc(Integer freshWithinHours, Double fresh, Integer staleAfterDays, Double stale) {}

    record CoverageDoc(Double perOutlet, Double max) {}

    record DatelineDoc(Double factor) {}

    record SummaryOnlyDoc(Integer maxWords) {}

    static ScoringSettings read(Doc s, Set<String> ids, Set<String> categories, RulesLoader.Problems p) {
        ScoringSettings d = ScoringSettings.defaults();
        if (s == null) {
            return d;
        }
        double titleFactor = s.titleFactor() == null ? d.titleFactor() : s.titleFactor();
        if (!(titleFactor >= 1.0 && titleFactor <= 5.0)) {
            p.fail("scoring.titleFactor", "must be between 1 and 5 (got " + titleFactor + ")");
        }
        int lead = s.leadSentences() == null ? d.leadSentences() : s.leadSentences();
        if (lead < 0 || lead > 5) {
            p.fail("scoring.leadSentences", "must be between 0 and 5 (got " + lead + ")");
        }
        return new ScoringSettings(
                titleFactor,
                lead,
                depth(s.depth(), d.depth(), categories, p),
                pairs(s.pairs(), ids, p),
                specificity(s.specificity(), d.specificity(), ids, p),
                recency(s.recency(), d.recency(), p),
                sources(s.sources(), p),
                coverage(s.coverage(), d.coverage(), p),
                new ScoringSettings.Dateline(
                        s.dateline() == null || s.dateline().factor() == null
                                ? d.dateline().factor()
                                : fraction(s.dateline().factor(), "scoring.dateline.factor", p)),
                summaryOnly(s.summaryOnly(), d.summaryOnly(), p),
                atLeast(s.rationaleSize(), d.rationaleSize(), 1, "scoring.rationaleSize", p),
                atLeast(s.keyPoints(), d.keyPoints(), 0, "scoring.keyPoints", p));
    }

    private static ScoringSettings.Depth depth(
            DepthDoc dd, ScoringSettings.Depth d, Set<String> categories, RulesLoader.Problems p) {
        if (dd == null) {
            return d;
        }
        int min = atLeast(dd.minSentences(), d.minSentences(), 1, "scoring.depth.minSentences", p);
        double share = dd.minShare() == null ? d.minShare() : fraction(dd.minShare(), "scoring.depth.minShare", p);
        double factor = nonNegative(dd.factor() == null ? d.factor() : dd.factor(), "scoring.depth.factor", p);
        List<String> skip = dd.skipCategories() == null ? List.of() : dd.skipCategories();
        for (String category : skip) {
            if (!categories.contains(category)) {
                p.fail(
                        "scoring.depth.skipCategories",
                        "unknown category " + quote(category) + "; the tags use " + new TreeSet<>(categories));
            }
        }
        return new ScoringSettings.Depth(min, share, factor, Set.copyOf(skip));
    }

    private static List<ScoringSettings.TagPair> pairs(List<PairDoc> docs, Set<String> ids, RulesLoader.Problems p) {
        List<ScoringSettings.TagPair> pairs = new ArrayList<>();
        if (docs == null) {
            return pairs;
        }
        for (int i = 0; i < docs.size(); i++) {
            PairDoc pd = docs.get(i);
            String where = "scoring.pairs[" + i + "]";
            if (pd == null || pd.tags() == null || pd.tags().size() != 2) {
                p.fail(where + ".tags", "must name exactly two tag ids");
                continue;
            }
            pd.tags().forEach(id -> knownTag(id, ids, where + ".tags", p));
            pairs.add(new ScoringSettings.TagPair(
                    pd.tags().get(0),
                    pd.tags().get(1),
                    nonNegative(orZero(pd.title()), where + ".title", p),
                    nonNegative(orZero(pd.sentence()), where + ".sentence", p),
                    nonNegative(orZero(pd.article()), where + ".article", p)));
        }
        return pairs;
    }

    private static ScoringSettings.Specificity specificity(
            SpecificityDoc sd, ScoringSettings.Specificity d, Set<String> ids, RulesLoader.Problems p) {
        if (sd == null) {
            return d;
        }
        List<String> requires = sd.requiresAnyTag() == null ? List.of() : sd.requiresAnyTag();
        requires.forEach(id -> knownTag(id, ids, "scoring.specificity.requiresAnyTag", p));
        return new ScoringSettings.Specificity(
                Set.copyOf(requires),
                nonNegative(orZero(sd.programme()), "scoring.specificity.programme", p),
                nonNegative(orZero(sd.amount()), "scoring.specificity.amount", p),
                nonNegative(orZero(sd.date()), "scoring.specificity.date", p));
    }

    private static ScoringSettings.Recency recency(RecencyDoc rd, ScoringSettings.Recency d, RulesLoader.Problems p) {
        if (rd == null) {
            return d;
        }
        Duration fresh = rd.freshWithinHours() == null
                ? d.freshWithin()
                : Duration.ofHours(atLeast(rd.freshWithinHours(), 0, 0, "scoring.recency.freshWithinHours", p));
        Duration stale = rd.staleAfterDays() == null
                ? d.staleAfter()
                : Duration.ofDays(atLeast(rd.staleAfterDays(), 0, 1, "scoring.recency.staleAfterDays", p));
        if (stale.compareTo(fresh) <= 0) {
            p.fail(
                    "scoring.recency.staleAfterDays",
                    "must be later than freshWithinHours (" + stale.toHours() + " h <= " + fresh.toHours() + " h)");
        }
        double freshValue = nonNegative(rd.fresh() == null ? d.fresh() : rd.fresh(), "scoring.recency.fresh", p);
        double staleValue = rd.stale() == null ? d.stale() : rd.stale();
        if (!(staleValue <= 0) || !Double.isFinite(staleValue)) {
            p.fail("scoring.recency.stale", "must be zero or less: a penalty (got " + staleValue + ")");
        }
        return new ScoringSettings.Recency(fresh, freshValue, stale, staleValue);
    }

    private static Map<String, Double> sources(Map<String, Double> raw, RulesLoader.Problems p) {
        Map<String, Double> out = new LinkedHashMap<>();
        if (raw == null) {
            return out;
        }
        Set<String> folded = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        raw.forEach((name, w) -> {
            String where = "scoring.sources." + name;
            if (name == null || name.isBlank()) {
                p.fail("scoring.sources", "an outlet name is empty");
                return;
            }
            if (!folded.add(name.strip())) {
                p.fail(where, "the outlet is listed twice (names are compared without case)");
            }
            if (w == null || !Double.isFinite(w) || Math.abs(w) > MAX_SOURCE_WEIGHT) {
                p.fail(
                        where,
                        "must be a weight between -" + MAX_SOURCE_WEIGHT + " and " + MAX_SOURCE_WEIGHT + " (got " + w
                                + ")");
            }
            out.put(name, w);
        });
        return out;
    }

    private static ScoringSettings.Coverage coverage(
            CoverageDoc cd, ScoringSettings.Coverage d, RulesLoader.Problems p) {
        if (cd == null) {
            return d;
        }
        return new ScoringSettings.Coverage(
                nonNegative(cd.perOutlet() == null ? d.perOutlet() : cd.perOutlet(), "scoring.coverage.perOutlet", p),
                nonNegative(cd.max() == null ? d.max() : cd.max(), "scoring.coverage.max", p));
    }

    private static ScoringSettings.SummaryOnly summaryOnly(
            SummaryOnlyDoc sd, ScoringSettings.SummaryOnly d, RulesLoader.Problems p) {
        if (sd == null) {
            return d;
        }
        return new ScoringSettings.SummaryOnly(
                atLeast(sd.maxWords(), d.maxWords(), 0, "scoring.summaryOnly.maxWords", p));
    }

    private static int atLeast(Integer value, int fallback, int min, String where, RulesLoader.Problems p) {
        int v = value == null ? fallback : value;
        if (v < min) {
            p.fail(where, "must be at least " + min + " (got " + v + ")");
        }
        return v;
    }

    private static double fraction(double v, String where, RulesLoader.Problems p) {
        if (!(v >= 0 && v <= 1)) {
            p.fail(where, "must be between 0 and 1 (got " + v + ")");
        }
        return v;
    }
}
