package io.newsradar.scoring;

import io.newsradar.avro.Tag;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A tag found on an article, with every occurrence that found it: the scorer needs the fields
 * (title counts more), the terms (for its sentences) and the offsets (for key points). Or a fixed
 * tag of the article's feed ({@code feeds.v1}): the article carries it whatever its words, so it
 * has no hits, and {@code feed} names the feed.
 *
 * @param feed for a fixed tag of a feed, how the rationale names the feed; null for a tag found in
 *             the text
 */
public record TagMatch(TagRule rule, List<Hit> hits, String feed) {

    /** What {@code Tag.fields} carries for a fixed tag of the article's feed. */
    public static final String FEED_FIELD = "feed";

    public TagMatch {
        Objects.requireNonNull(rule, "rule");
        hits = List.copyOf(hits);
        if (hits.isEmpty() && feed == null) {
            throw new IllegalArgumentException("a match needs at least one hit: " + rule.id());
        }
    }

    /** A tag found in the text. */
    public TagMatch(TagRule rule, List<Hit> hits) {
        this(rule, hits, null);
    }

    /** A fixed tag of the feed named {@code feed}: no hits. */
    public static TagMatch fixedByFeed(TagRule rule, String feed) {
        return new TagMatch(rule, List.of(), Objects.requireNonNull(feed, "feed"));
    }

    /** Whether the article carries this tag because its feed lists it, not because of its words. */
    public boolean fixed() {
        return feed != null;
    }

    public String id() {
        return rule.id();
    }

    public boolean in(ArticleField field) {
        return hits.stream().anyMatch(h -> h.field() == field);
    }

    public List<Hit> hits(ArticleField field) {
        return hits.stream().filter(h -> h.field() == field).toList();
    }

    /** Distinct terms as written in the field, first occurrence first, case-folded for sameness. */
    public List<String> terms(ArticleField field) {
        Map<String, String> seen = new LinkedHashMap<>();
        for (Hit h : hits(field)) {
            seen.putIfAbsent(h.text().toLowerCase(Locale.ROOT), h.text());
        }
        return List.copyOf(seen.values());
    }

    public List<ArticleField> fields() {
        List<ArticleField> fields = new ArrayList<>();
        for (ArticleField f : ArticleField.values()) {
            if (in(f)) {
                fields.add(f);
            }
        }
        return fields;
    }

    /** The tag as published on {@code news.scored.v1} and alerts. */
    public Tag toAvro() {
        return Tag.newBuilder()
                .setId(rule.id())
                .setLabel(rule.label())
                .setCategory(rule.category())
                .setWeight(rule.weight())
                .setFields(
                        fixed()
                                ? List.of(FEED_FIELD)
                                : fields().stream().map(ArticleField::fieldName).toList())
                .build();
    }
}
