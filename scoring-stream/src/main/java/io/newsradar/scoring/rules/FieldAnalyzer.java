package io.newsradar.scoring.rules;

import java.util.EnumMap;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.DelegatingAnalyzerWrapper;

/**
 * One analyser for all index fields, picking each field's chain by its name ({@code body.stem},
 * {@code title.ko}...). Thread-safe, like every Lucene analyser: the Monitor analyses documents
 * with it and the rule parser analyses query words with it, so both sides agree.
 */
final class FieldAnalyzer extends DelegatingAnalyzerWrapper {
    /** Shared: analysers are thread-safe and the CJK dictionaries are worth loading once. */
    static final FieldAnalyzer INSTANCE = new FieldAnalyzer();

    private final Map<Analysis, Analyzer> byForm = new EnumMap<>(Analysis.class);

    private FieldAnalyzer() {
        super(PER_FIELD_REUSE_STRATEGY);
        for (Analysis a : Analysis.values()) {
            byForm.put(a, a.newAnalyzer());
        }
    }

    @Override
    protected Analyzer getWrappedAnalyzer(String fieldName) {
        Analysis form = Analysis.ofField(fieldName);
        if (form == null) {
            throw new IllegalArgumentException("not a rules index field: " + fieldName);
        }
        return byForm.get(form);
    }
}
