package io.newsradar.ingest;

/**
 * An input article that cannot become a {@code NewsArticle}. The message is the reason, written
 * for the person who supplied the input (it ends up in CLI output and HTTP 4xx bodies).
 */
public class InvalidArticleException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public InvalidArticleException(String reason) {
        super(reason);
    }

    public InvalidArticleException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
