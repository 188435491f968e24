package io.newsradar.scoring.eval;

import java.util.List;

/**
 * The tags the frozen label sets label (eval/LABELLING.md, "Tags"), in the guide's order. The
 * evaluation scores exactly these: a tag the taxonomy lacks is still scored, as never predicted,
 * and a predicted tag outside this list (sports, opinion...) is not scored at all.
 */
public final class EvalTags {
    public static final String DEFENSE = "defense";
    public static final String AI = "artificial-intelligence";
    public static final String INTERNATIONAL_RELATIONS = "international-relations";

    /** Countries and the EU, in the guide's order; the country target averages over these. */
    public static final List<String> COUNTRIES = List.of(
            "united-states",
            "china",
            "japan",
            "south-korea",
            "north-korea",
            "taiwan",
            "russia",
            "ukraine",
            "united-kingdom",
            "australia",
            "canada",
            "france",
            "germany",
            "italy",
            "india",
            "indonesia",
            "brazil",
            "mexico",
            "argentina",
            "saudi-arabia",
            "south-africa",
            "turkey",
            "european-union");

    /** Every labelled tag, in the order of the label files' tags column. */
    public static final List<String> ALL = concat();

    private EvalTags() {}

    private static List<String> concat() {
        List<String> all = new java.util.ArrayList<>(List.of(DEFENSE, AI, INTERNATIONAL_RELATIONS));
        all.addAll(COUNTRIES);
        return List.copyOf(all);
    }
}
