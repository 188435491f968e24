package io.newsradar.scoring;

/**
 * A concrete fact found in an article: what makes a signal actionable rather than aspirational.
 *
 * @param text  the words as written ("$480 million", "Project Tidewatch")
 * @param start offset in the field it was found in
 */
public record Fact(Kind kind, ArticleField field, String text, int start, int end) {

    public enum Kind {
        PROGRAMME("programme", "names a programme"),
        AMOUNT("amount", "states an amount"),
        DATE("date", "gives a date");

        private final String feature;
        private final String phrase;

        Kind(String feature, String phrase) {
            this.feature = feature;
            this.phrase = phrase;
        }

        /** Machine name used in contribution features ({@code specificity.amount}). */
        public String feature() {
            return feature;
        }

        /** Verb phrase for reasons ("states an amount"). */
        public String phrase() {
            return phrase;
        }
    }
}
