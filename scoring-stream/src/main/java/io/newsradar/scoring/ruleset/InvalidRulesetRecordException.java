package io.newsradar.scoring.ruleset;

/** A {@code rules.v1} record that cannot be read as a ruleset publication; the message says why. */
public final class InvalidRulesetRecordException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public InvalidRulesetRecordException(String message) {
        super(message);
    }

    public InvalidRulesetRecordException(String message, Throwable cause) {
        super(message, cause);
    }
}
