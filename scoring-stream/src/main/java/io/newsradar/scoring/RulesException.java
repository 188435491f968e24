package io.newsradar.scoring;

import java.util.List;

/**
 * A taxonomy or routes file that cannot be used. The message always names the file (or other
 * origin) and the place in it, so an analyst can fix it without reading code. When the file has
 * several problems, {@link #problems()} lists each one and the message has one line per problem.
 */
public class RulesException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient List<RulesProblem> problems;

    public RulesException(String message) {
        super(message);
        this.problems = List.of(new RulesProblem(message, 0));
    }

    public RulesException(String message, Throwable cause) {
        super(message, cause);
        this.problems = List.of(new RulesProblem(message, 0));
    }

    /** Every problem found, in file order; one or more. */
    public RulesException(List<RulesProblem> problems) {
        super(String.join("\n", problems.stream().map(RulesProblem::message).toList()));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a RulesException needs at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    public List<RulesProblem> problems() {
        return problems;
    }
}
