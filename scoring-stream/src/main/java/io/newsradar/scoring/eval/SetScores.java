package io.newsradar.scoring.eval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Per-tag results of one label set against the tagger's predictions.
 *
 * @param name   the set's name in the report
 * @param items  how many labelled items were scored
 * @param byTag  every scored tag, in {@link EvalTags#ALL} order
 */
public record SetScores(String name, int items, Map<String, TagResult> byTag) {

    /** How many error ids a result keeps per tag and kind. */
    public static final int EXAMPLES = 10;

    public SetScores {
        byTag = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(byTag));
    }

    /**
     * Compares labels with predictions for every tag of {@code tags}.
     *
     * @param predicted tag ids the tagger gave each item id; tags outside {@code tags} are ignored
     * @throws IllegalArgumentException when an item has no prediction (a run that skipped items
     *     would otherwise look like a run that found nothing in them)
     */
    public static SetScores compute(
            String name, List<LabelledItem> items, Map<String, Set<String>> predicted, List<String> tags) {
        Map<String, TagResult> byTag = new LinkedHashMap<>();
        for (String tag : tags) {
            int tp = 0;
            int fp = 0;
            int fn = 0;
            List<String> fpIds = new ArrayList<>();
            List<String> fnIds = new ArrayList<>();
            for (LabelledItem item : items) {
                Set<String> got = predicted.get(item.id());
                if (got == null) {
                    throw new IllegalArgumentException(name + ": no prediction for " + item.id());
                }
                boolean labelled = item.tags().contains(tag);
                boolean found = got.contains(tag);
                if (labelled && found) {
                    tp++;
                } else if (found) {
                    fp++;
                    addExample(fpIds, item.id());
                } else if (labelled) {
                    fn++;
                    addExample(fnIds, item.id());
                }
            }
            byTag.put(tag, new TagResult(tag, new TagCounts(tp, fp, fn), fpIds, fnIds));
        }
        return new SetScores(name, items.size(), byTag);
    }

    public TagCounts counts(String tag) {
        TagResult r = byTag.get(tag);
        if (r == null) {
            throw new IllegalArgumentException("tag not scored: " + tag);
        }
        return r.counts();
    }

    private static void addExample(List<String> ids, String id) {
        if (ids.size() < EXAMPLES) {
            ids.add(id);
        }
    }
}
