package io.newsradar.scoring;

import io.newsradar.avro.Contribution;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The terms each tag adds: its weight by where it was found, and its depth.
 *
 * <p>Where a tag counts most, from high to low: the title or the lead (the first
 * {@code leadSentences} sentences of the body: a news story puts its substance there), then the
 * rest of the body, then only the dateline or a byline ("SEOUL, Nov 3 (Reuters) -" says where
 * the reporter sat). Title and lead count the weight times {@code titleFactor}, but that extra
 * counts once per category (the heaviest tag of it), so a headline listing three countries or
 * two names for one theme does not outscore one that says something.
 *
 * <p>Words count once per theme: a hit that lies inside a longer hit of a tag of the same category
 * ("Defense" inside "Defense Cooperation") is evidence for the longer, more specific tag only. The
 * tag stays on the article (routes see it); it just adds nothing for those words.
 */
final class TagTerms {
    enum Place {
        TITLE("tag.title:", "in the title"),
        LEAD("tag.lead:", "in the lead"),
        BODY("tag.body:", "in the body"),
        DATELINE("tag.dateline:", "only in the dateline or byline"),
        FEED("tag.feed:", "as a fixed tag of the article's feed");

        final String feature;
        final String phrase;

        Place(String feature, String phrase) {
            this.feature = feature;
            this.phrase = phrase;
        }

        boolean prominent() {
            return this == TITLE || this == LEAD;
        }
    }

    private record Placed(TagMatch match, Place place, List<Hit> where, List<Hit> bodyHits) {}

    private TagTerms() {}

    static void add(List<TagMatch> matches, ArticleText text, ScoringSettings s, List<Contribution> into) {
        Map<String, Set<Hit>> nested = nestedHits(matches);
        List<Placed> placed = new ArrayList<>(matches.size());
        for (TagMatch m : matches) {
            if (m.fixed()) {
                // the feed vouches for the tag, not the words: the plain weight, no title's extra
                into.add(Terms.term(
                        Place.FEED.feature + m.id(),
                        m.rule().weight(),
                        m.rule().label() + ": fixed tag of feed " + m.feed()));
                continue;
            }
            Placed p = place(m, nested.getOrDefault(m.rule().category(), Set.of()), text, s);
            if (p != null) {
                placed.add(p);
            }
        }
        Map<String, Placed> boosted = boostedPerCategory(placed);
        for (Placed p : placed) {
            TagRule rule = p.match().rule();
            String terms = Terms.list(distinctTexts(p.where()));
            String feature = p.place().feature + rule.id();
            String what = rule.label() + " " + p.place().phrase + ": " + terms;
            if (p.place().prominent()) {
                Placed best = boosted.get(rule.category());
                if (best == p) {
                    into.add(Terms.term(feature, rule.weight() * s.titleFactor(), what));
                } else {
                    into.add(Terms.term(
                            feature,
                            rule.weight(),
                            what + " (the " + (p.place() == Place.TITLE ? "title" : "lead") + "'s extra for "
                                    + rule.category() + " went to "
                                    + best.match().rule().label() + ")"));
                }
            } else if (p.place() == Place.DATELINE) {
                into.add(Terms.term(feature, rule.weight() * s.dateline().factor(), what));
            } else {
                into.add(Terms.term(feature, rule.weight(), what));
            }
            depth(p, text, s, into);
        }
    }

    /** Where a tag counts, from its hits that are not inside another tag's longer hit; null if none is left. */
    private static Placed place(TagMatch m, Set<Hit> nested, ArticleText text, ScoringSettings s) {
        List<Hit> title = new ArrayList<>();
        List<Hit> lead = new ArrayList<>();
        List<Hit> body = new ArrayList<>();
        List<Hit> placeline = new ArrayList<>();
        for (Hit h : m.hits()) {
            if (nested.contains(h)) {
                continue;
            }
            if (h.field() == ArticleField.TITLE) {
                title.add(h);
            } else if (text.inPlaceline(h.start(), h.end())) {
                placeline.add(h);
            } else {
                body.add(h);
                int i = text.sentenceHolding(h.start(), h.end());
                if (i >= 0 && i < s.leadSentences()) {
                    lead.add(h);
                }
            }
        }
        if (!title.isEmpty()) {
            return new Placed(m, Place.TITLE, title, body);
        }
        if (!lead.isEmpty()) {
            return new Placed(m, Place.LEAD, lead, body);
        }
        if (!body.isEmpty()) {
            return new Placed(m, Place.BODY, body, body);
        }
        if (!placeline.isEmpty()) {
            return new Placed(m, Place.DATELINE, placeline, body);
        }
        return null;
    }

    /** Per category, the prominent tag of the largest weight (the first in taxonomy order on a tie). */
    private static Map<String, Placed> boostedPerCategory(List<Placed> placed) {
        Map<String, Placed> best = new HashMap<>();
        for (Placed p : placed) {
            if (p.place().prominent()) {
                best.merge(
                        p.match().rule().category(),
                        p,
                        (a, b) -> Math.abs(b.match().rule().weight())
                                        > Math.abs(a.match().rule().weight())
                                ? b
                                : a);
            }
        }
        return best;
    }

    /**
     * A tag named in at least minShare of the sentences of a full body (not a summary, and of at
     * least minSentences sentences) runs through it: the article is about it.
     */
    private static void depth(Placed p, ArticleText text, ScoringSettings s, List<Contribution> into) {
        ScoringSettings.Depth d = s.depth();
        TagRule rule = p.match().rule();
        int total = text.sentences().size();
        if (text.summaryOnly()
                || rule.negative()
                || d.factor() == 0
                || total < d.minSentences()
                || d.skipCategories().contains(rule.category())) {
            return;
        }
        Set<Integer> with = new HashSet<>();
        for (Hit h : p.bodyHits()) {
            int i = text.sentenceHolding(h.start(), h.end());
            if (i >= 0) {
                with.add(i);
            }
        }
        if (with.size() >= d.minSentences() && with.size() >= d.minShare() * total) {
            into.add(Terms.term(
                    "depth:" + rule.id(),
                    rule.weight() * d.factor(),
                    rule.label() + " runs through " + with.size() + " of the body's " + total + " sentences"));
        }
    }

    /**
     * Hits of positive tags that lie wholly inside a longer hit of a positive tag of the same
     * category in the same field: "Defense" inside "Defense Cooperation" is one piece of evidence
     * for one theme. Across categories both count ("Royal Navy" is the United Kingdom and defense).
     * Per field and category, sorted by start, longest first, one sweep: a hit is inside an
     * earlier one exactly when the furthest end reached so far is beyond its end, or at its end
     * from an earlier start.
     */
    static Map<String, Set<Hit>> nestedHits(List<TagMatch> matches) {
        Map<String, Map<ArticleField, List<Hit>>> byCategory = new HashMap<>();
        for (TagMatch m : matches) {
            if (!m.rule().negative()) {
                for (Hit h : m.hits()) {
                    byCategory
                            .computeIfAbsent(m.rule().category(), k -> new EnumMap<>(ArticleField.class))
                            .computeIfAbsent(h.field(), k -> new ArrayList<>())
                            .add(h);
                }
            }
        }
        Map<String, Set<Hit>> nested = new HashMap<>();
        byCategory.forEach((category, fields) ->
                fields.values().forEach(hits -> sweep(hits, nested.computeIfAbsent(category, k -> new HashSet<>()))));
        return nested;
    }

    private static void sweep(List<Hit> hits, Set<Hit> nested) {
        hits.sort(Comparator.comparingInt(Hit::start)
                .thenComparing(Comparator.comparingInt(Hit::end).reversed()));
        int maxEnd = -1;
        int maxEndStart = -1;
        for (Hit h : hits) {
            if (maxEnd > h.end() || (maxEnd == h.end() && maxEndStart < h.start())) {
                nested.add(h);
            }
            if (h.end() > maxEnd) {
                maxEnd = h.end();
                maxEndStart = h.start();
            }
        }
    }

    private static List<String> distinctTexts(List<Hit> hits) {
        Map<String, String> seen = new LinkedHashMap<>();
        for (Hit h : hits) {
            seen.putIfAbsent(h.text().toLowerCase(Locale.ROOT), h.text());
        }
        return List.copyOf(seen.values());
    }
}
