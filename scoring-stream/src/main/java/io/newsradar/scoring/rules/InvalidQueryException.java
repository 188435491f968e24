package io.newsradar.scoring.rules;

/**
 * A rule query that cannot be used. The message names the place in the query ("column 23", or
 * "line 2, column 5" for a query written over several lines) and what is wrong; the taxonomy
 * loader puts the file and the rule id in front.
 */
public final class InvalidQueryException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public InvalidQueryException(String message) {
        super(message);
    }

    public InvalidQueryException(String message, Throwable cause) {
        super(message, cause);
    }
}
