package io.newsradar.ingest.feeds;

import java.util.List;

/**
 * A feed list (or OPML file) that cannot be used. Each problem is one line naming the origin,
 * the place ({@code feeds[2].pollInterval}) and what is wrong, so every problem of a hand-edited
 * file shows in one attempt.
 */
public class FeedListException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    public FeedListException(String problem, Throwable cause) {
        super(problem, cause);
        this.problems = List.of(problem);
    }

    /** @param problems one or more, in file order */
    public FeedListException(List<String> problems) {
        super(String.join("\n", problems));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a FeedListException needs at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    /** Every problem found, in file order; one or more. */
    public List<String> problems() {
        return problems;
    }
}
