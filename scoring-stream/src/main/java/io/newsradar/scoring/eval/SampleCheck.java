package io.newsradar.scoring.eval;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Re-derives a label file's sample from the shared file (eval/LABELLING.md, "The sample"): per
 * stratum in name order, the items with the lowest SHA-256 of their id, as many as the label file
 * holds. A mismatch means the shared file is not the one that was labelled, and every number
 * measured on it would be wrong.
 */
public final class SampleCheck {

    private SampleCheck() {}

    /** Null when the label file lists exactly the sample, in order; else what differs first. */
    public static String mismatch(List<LabelledItem> labels, List<EvalCorpus.SourceRow> source) {
        return mismatch(labels, source, EvalCorpus::sha256);
    }

    /**
     * As {@link #mismatch(List, List)}, ordering each stratum by {@code key} of the id (a salted
     * hash for a set drawn with its own seed) instead of the plain SHA-256 of the id.
     */
    public static String mismatch(
            List<LabelledItem> labels, List<EvalCorpus.SourceRow> source, Function<String, String> key) {
        Map<String, Long> perGroup = labels.stream()
                .collect(Collectors.groupingBy(LabelledItem::group, TreeMap::new, Collectors.counting()));
        List<EvalCorpus.SourceRow> expected = perGroup.entrySet().stream()
                .flatMap(e -> source.stream()
                        .filter(r -> r.group().equals(e.getKey()))
                        .sorted(Comparator.comparing(r -> key.apply(r.id())))
                        .limit(e.getValue()))
                .toList();
        for (int i = 0; i < labels.size(); i++) {
            EvalCorpus.SourceRow want = i < expected.size() ? expected.get(i) : null;
            LabelledItem got = labels.get(i);
            if (want == null || !want.id().equals(got.id()) || !want.group().equals(got.group())) {
                return "label " + (i + 1) + " is " + got.id() + " (" + got.group() + "), the sample rule gives "
                        + (want == null ? "nothing" : want.id() + " (" + want.group() + ")");
            }
        }
        return null;
    }
}
