package io.newsradar.scoring;

/**
 * A record that decoded but cannot be scored (no title, key and id disagree...). Thrown inside
 * the topology so the processing exception handler sends it to the dead-letter topic with the
 * reason in its headers.
 */
public class InvalidArticleException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public InvalidArticleException(String message) {
        super(message);
    }
}
