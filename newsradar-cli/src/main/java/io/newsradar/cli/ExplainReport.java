package io.newsradar.cli;

import io.newsradar.avro.Contribution;
import io.newsradar.avro.NewsArticle;
import io.newsradar.avro.ScoredArticle;
import io.newsradar.avro.Tag;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.avro.Schema;

/**
 * {@code explain --text}: a scored article as a report for a person. Everything comes from the
 * {@link ScoredArticle} the stream would publish, plus the route verdicts, so the report cannot
 * tell a different story from the JSON.
 */
final class ExplainReport {
    /** Tag fields shown in the tag's own line; any other field (matched terms...) is listed under it. */
    private static final Set<String> TAG_HEADLINE_FIELDS = Set.of("id", "label", "category", "weight", "fields");

    private ExplainReport() {}

    static String render(ScoredArticle scored, List<RouteVerdict> verdicts) {
        NewsArticle a = scored.getArticle();
        List<String> out = new ArrayList<>();
        out.add("== " + a.getTitle());
        out.add("   " + a.getSource() + ", published " + a.getPublishedAt()
                + (a.getUrl() == null ? "" : ", " + a.getUrl()) + " (id " + a.getId() + ")");
        out.add(String.format(Locale.ROOT, "score %.1f of 10 (rules %s)", scored.getScore(), scored.getRulesVersion()));
        out.add(story(scored));
        out.add("");
        out.add("tags:");
        if (scored.getTags().isEmpty()) {
            out.add("  (none: no taxonomy rule matched)");
        }
        for (Tag t : scored.getTags()) {
            out.add(String.format(
                    Locale.ROOT,
                    "  %s (%s; %s; weight %s) matched in %s",
                    t.getId(),
                    t.getLabel(),
                    t.getCategory(),
                    number(t.getWeight()),
                    t.getFields().isEmpty() ? "(fields not recorded)" : String.join(", ", t.getFields())));
            out.addAll(extraFields(t));
        }
        out.add("");
        out.add("contributions:");
        if (scored.getContributions().isEmpty()) {
            out.add("  (none)");
        }
        for (Contribution c : scored.getContributions()) {
            out.add("  " + withValue(c) + "  [" + c.getFeature() + "]");
        }
        out.add("");
        out.add("rationale: " + scored.getRationale());
        out.add("key points:");
        if (scored.getKeyPoints().isEmpty()) {
            out.add("  (none)");
        }
        scored.getKeyPoints().forEach(k -> out.add("  - " + k));
        out.add("");
        out.add("routes:");
        if (verdicts.isEmpty()) {
            out.add("  (no routes configured: nothing can alert)");
        }
        for (RouteVerdict v : verdicts) {
            out.add(line(v));
        }
        return String.join(System.lineSeparator(), out) + System.lineSeparator();
    }

    /**
     * The story line. explain sees one article, so its story is the article itself; the stream
     * counts every outlet that carries the story, which can add to the score.
     */
    static String story(ScoredArticle scored) {
        int coverage = Math.max(1, scored.getCoverage());
        String line = String.format(
                Locale.ROOT,
                "story %s, carried by %d %s",
                scored.getStoryId(),
                coverage,
                coverage == 1 ? "outlet" : "outlets");
        return coverage == 1
                ? line + " (scored alone: copies from other outlets can add coverage in the stream)"
                : line;
    }

    private static String line(RouteVerdict v) {
        String name = v.route().name() + " (priority " + v.route().priority() + ", to "
                + v.route().topic().name() + ")";
        if (v.fires()) {
            return "  " + name + ": alerts because " + String.join("; and ", v.met());
        }
        String line = "  " + name + ": does not alert because " + String.join("; and ", v.reasons());
        // what did hold matters too: one condition short is a near miss worth seeing
        return v.met().isEmpty() ? line : line + " (while " + String.join("; and ", v.met()) + ")";
    }

    /** The contribution's sentence, led by its signed points unless the sentence already starts with them. */
    private static String withValue(Contribution c) {
        String points = String.format(Locale.ROOT, "%+.1f", c.getValue());
        return c.getReason().startsWith(points) ? c.getReason() : points + " " + c.getReason();
    }

    /** Fields a newer Tag schema carries (matched terms, positions...), shown as they are. */
    private static List<String> extraFields(Tag t) {
        List<String> lines = new ArrayList<>();
        for (Schema.Field f : t.getSchema().getFields()) {
            if (!TAG_HEADLINE_FIELDS.contains(f.name())) {
                Object value = t.get(f.pos());
                if (value != null && !(value instanceof List<?> l && l.isEmpty())) {
                    lines.add("    " + f.name() + ": " + value);
                }
            }
        }
        return lines;
    }

    /** 1.5 as "1.5", 2.0 as "2". */
    private static String number(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
    }
}
