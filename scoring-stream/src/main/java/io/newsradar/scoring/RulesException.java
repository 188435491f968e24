package io.newsradar.scoring;

/**
 * A taxonomy or routes file that cannot be used. The message always names the file (or other
 * origin) and the place in it, so an analyst can fix it without reading code.
 */
public class RulesException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public RulesException(String message) {
        super(message);
    }

    public RulesException(String message, Throwable cause) {
        super(message, cause);
    }
}
