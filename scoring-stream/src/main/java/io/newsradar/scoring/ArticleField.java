package io.newsradar.scoring;

/** The parts of an article a rule can match in; the names are what {@code Tag.fields} carries. */
public enum ArticleField {
    TITLE("title"),
    BODY("body");

    private final String fieldName;

    ArticleField(String fieldName) {
        this.fieldName = fieldName;
    }

    public String fieldName() {
        return fieldName;
    }
}
