package io.newsradar.scoring;

/**
 * A rule the matcher could not evaluate on one article (Lucene Monitor's per-query errors). The
 * rule counts as not matched for that article; the error is never dropped silently.
 */
public record RuleError(String ruleId, String message) {}
