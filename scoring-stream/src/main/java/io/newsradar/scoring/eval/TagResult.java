package io.newsradar.scoring.eval;

import java.util.List;

/**
 * One tag's result on one label set, with the ids (never the text) of its errors so rule work
 * can look the items up and fix categories of errors.
 *
 * @param falsePositiveIds the first ids, in label-file order, the tagger tagged but the labels do not
 * @param falseNegativeIds the first ids, in label-file order, labelled but missed
 */
public record TagResult(String tag, TagCounts counts, List<String> falsePositiveIds, List<String> falseNegativeIds) {

    public TagResult {
        falsePositiveIds = List.copyOf(falsePositiveIds);
        falseNegativeIds = List.copyOf(falseNegativeIds);
    }
}
