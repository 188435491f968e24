package io.newsradar.scoring;

import io.newsradar.avro.Contribution;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** How a score term is written: rounded to one decimal, its sentence led by the signed points. */
final class Terms {
    private static final int MAX_TERMS_IN_REASON = 3;

    private Terms() {}

    /** A contribution; the value is rounded first, so the sentences add up to the score. */
    static Contribution term(String feature, double value, String what) {
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

    static String signed(double v) {
        return (v >= 0 ? "+" : "") + format(v);
    }

    static String format(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    /** The first few terms, and how many more. */
    static String list(List<String> terms) {
        String shown = terms.stream().limit(MAX_TERMS_IN_REASON).collect(Collectors.joining(", "));
        return terms.size() > MAX_TERMS_IN_REASON
                ? shown + " and " + (terms.size() - MAX_TERMS_IN_REASON) + " more"
                : shown;
    }

    static String joinOr(List<String> names) {
        if (names.size() == 1) {
            return names.get(0);
        }
        return String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.get(names.size() - 1);
    }
}
