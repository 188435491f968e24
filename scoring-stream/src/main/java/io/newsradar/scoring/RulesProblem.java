package io.newsradar.scoring;

/**
 * One problem of a taxonomy, routes or ruleset file, so that {@code rules check} can list every
 * problem of a file, each with its rule id or route name and its line.
 *
 * @param message the problem as one sentence naming the file, the field's path with the rule id
 *     or route name, and what is wrong, e.g. {@code ruleset r.yaml: tags[3] (japan).query: ...}
 * @param line the line of the entry in the file (1-based), or 0 when not known (the message of
 *     YAML that does not parse carries its own line and column)
 */
public record RulesProblem(String message, int line) {}
