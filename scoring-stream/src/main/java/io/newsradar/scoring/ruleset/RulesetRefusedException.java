package io.newsradar.scoring.ruleset;

/** A publication refused on purpose (the ruleset is already in force, say); the message says why and what to do. */
public final class RulesetRefusedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public RulesetRefusedException(String message) {
        super(message);
    }
}
