package io.newsradar.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * A large ruleset for the benchmark, the same for one seed: a handful of anchor rules that the
 * on-topic articles hit (defense, AI, cooperation, diplomacy, places, so the scorer's pairs and
 * specificity fire and the route can alert) and generated rules up to the requested count whose
 * terms are the made-up names of {@link ArticleGenerator#NAMES}: each article matches a few of
 * them and misses the rest, as in a real monitoring ruleset.
 *
 * <p>Each generated rule is first a {@link Rule}: plain terms, two-word phrases, stem families
 * (a stem and its inflections: the wildcard rules), upper-case acronyms and a minimum number of
 * distinct matches. Only {@link #taxonomyYaml} knows the file format: the Lucene query format of
 * config/taxonomy.yaml, one query per rule joining with OR: single-word terms as bare (stemmed)
 * words, other terms and phrases quoted, a stem family as one wildcard ({@code brai*}, so wildcard
 * rules, which bypass Lucene Monitor's presearcher, are part of the measurement), acronyms as
 * {@code cased:} words; {@code minMatches} stays a field of the rule (the engine counts the query's
 * top-level OR alternatives).
 */
final class RulesetGenerator {
    static final String ROUTE = "generated-defense-ai";

    private static final List<String> CATEGORIES = List.of(
            "Security & Risk",
            "Technology",
            "International Relations",
            "Geography",
            "Economy",
            "Energy",
            "Health",
            "Politics",
            "Industry");
    private static final String NEGATIVE = "Negative signals";
    private static final List<String> SUFFIXES = List.of("", "s", "ed", "ing", "er", "ers");

    /** One rule before it is written in any format. */
    record Rule(
            String id,
            String category,
            double weight,
            List<String> terms,
            List<String> phrases,
            List<String> stems,
            List<String> acronyms,
            int minMatches) {}

    private RulesetGenerator() {}

    /** The anchor rules plus generated ones, {@code total} in all. */
    static List<Rule> rules(int total, long seed) {
        List<Rule> rules = new ArrayList<>(anchors());
        Random random = new Random(seed);
        List<String> names = ArticleGenerator.NAMES;
        for (int i = rules.size(); i < total; i++) {
            boolean negative = random.nextInt(20) == 0;
            String category = negative ? NEGATIVE : CATEGORIES.get(random.nextInt(CATEGORIES.size()));
            double weight = negative ? -(0.5 + random.nextInt(20) / 10.0) : 0.1 + random.nextInt(12) / 10.0;
            List<String> terms = new ArrayList<>();
            for (int t = 1 + random.nextInt(6); t > 0; t--) {
                terms.add(names.get(random.nextInt(names.size())));
            }
            List<String> phrases = new ArrayList<>();
            if (random.nextInt(3) == 0) {
                for (int p = 1 + random.nextInt(3); p > 0; p--) {
                    phrases.add(names.get(random.nextInt(names.size())) + " "
                            + WordLists.COMMON.get(random.nextInt(WordLists.COMMON.size())));
                }
            }
            List<String> stems = new ArrayList<>();
            if (random.nextInt(4) == 0) {
                stems.add(names.get(random.nextInt(names.size())));
            }
            List<String> acronyms = new ArrayList<>();
            if (random.nextInt(10) == 0) {
                acronyms.add(acronym(random));
            }
            int distinct = terms.size() + phrases.size() + stems.size() * SUFFIXES.size() + acronyms.size();
            int minMatches = distinct >= 2 && random.nextInt(10) == 0 ? 2 : 1;
            rules.add(new Rule(
                    String.format(Locale.ROOT, "gen-%04d", i),
                    category,
                    weight,
                    terms,
                    phrases,
                    stems,
                    acronyms,
                    minMatches));
        }
        return rules;
    }

    /** Writes taxonomy.yaml and routes.yaml of {@code total} rules into {@code dir}. */
    static RulesetFiles write(Path dir, int total, long seed) {
        try {
            Path taxonomy = Files.writeString(
                    dir.resolve("taxonomy.yaml"), taxonomyYaml(rules(total, seed), seed), StandardCharsets.UTF_8);
            Path routes = Files.writeString(dir.resolve("routes.yaml"), routesYaml(), StandardCharsets.UTF_8);
            return new RulesetFiles(taxonomy, routes);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the generated ruleset to " + dir, e);
        }
    }

    /** The two files ScoringRules.load reads. */
    record RulesetFiles(Path taxonomy, Path routes) {}

    /** The taxonomy in the query format of config/taxonomy.yaml (see the class comment). */
    static String taxonomyYaml(List<Rule> rules, long seed) {
        StringBuilder y = new StringBuilder();
        y.append("# generated by the benchmarks module (RulesetGenerator, seed ")
                .append(seed)
                .append("): ")
                .append(rules.size())
                .append(" rules\n");
        y.append("name: generated\nversion: 1\n");
        y.append("""
                scoring:
                  titleFactor: 1.5
                  depth:
                    minSentences: 3
                    factor: 1.0
                    skipCategories: [Geography]
                  pairs:
                    - tags: [defense, artificial-intelligence]
                      title: 1.0
                      sentence: 0.5
                      article: 0.2
                  specificity:
                    requiresAnyTag: [defense, artificial-intelligence, defense-cooperation]
                    programme: 1.25
                    amount: 1.25
                    date: 0.25
                  rationaleSize: 4
                  keyPoints: 3
                tags:
                """);
        for (Rule r : rules) {
            y.append("  - id: ").append(r.id()).append('\n');
            y.append("    label: ").append(r.id().replace('-', ' ')).append('\n');
            y.append("    category: \"").append(r.category()).append("\"\n");
            y.append("    weight: ").append(r.weight()).append('\n');
            List<String> alternatives = new ArrayList<>();
            r.terms().forEach(t -> alternatives.add(t.matches("[a-z]+") ? t : quoted(t)));
            r.phrases().forEach(p -> alternatives.add(quoted(p)));
            r.stems().forEach(stem -> alternatives.add(stem + "*"));
            r.acronyms().forEach(a -> alternatives.add("cased:" + a));
            // distinct: a name drawn twice would count twice towards minMatches
            y.append("    query: '")
                    .append(String.join(" OR ", alternatives.stream().distinct().toList()))
                    .append("'\n");
            if (r.minMatches() > 1) {
                y.append("    minMatches: ").append(r.minMatches()).append('\n');
            }
        }
        return y.toString();
    }

    static String routesYaml() {
        return "routes:\n  - name: " + ROUTE + "\n    priority: high\n"
                + "    requiredTags: [defense, artificial-intelligence]\n    minScore: 5.0\n";
    }

    private static String quoted(String words) {
        return "\"" + words + "\"";
    }

    private static String acronym(Random random) {
        StringBuilder a = new StringBuilder();
        for (int i = 0; i < 3; i++) {
            a.append((char) ('A' + random.nextInt(26)));
        }
        return a.toString();
    }

    /** The rules the on-topic generated articles hit, with the ids the scoring section names. */
    private static List<Rule> anchors() {
        return List.of(
                anchor(
                        "defense",
                        "Security & Risk",
                        0.7,
                        "defense",
                        "military",
                        "armed forces",
                        "navy",
                        "army",
                        "air force",
                        "troops",
                        "missile",
                        "warship",
                        "defense ministry",
                        "national security"),
                new Rule(
                        "artificial-intelligence",
                        "Technology",
                        0.7,
                        List.of(),
                        List.of(
                                "artificial intelligence",
                                "machine learning",
                                "autonomous drones",
                                "computer vision",
                                "neural network"),
                        List.of(),
                        List.of("AI"),
                        1),
                anchor(
                        "defense-cooperation",
                        "Security & Risk",
                        0.6,
                        "defense cooperation",
                        "security pact",
                        "joint exercises",
                        "military ties"),
                anchor(
                        "international-relations",
                        "International Relations",
                        0.4,
                        "diplomatic",
                        "foreign minister",
                        "embassy",
                        "bilateral"),
                anchor("south-korea", "Geography", 0.1, "south korea", "seoul"),
                anchor("japan", "Geography", 0.1, "japan", "tokyo"),
                anchor("china", "Geography", 0.1, "china", "beijing"),
                anchor("united-states", "Geography", 0.1, "united states", "washington"),
                anchor("procurement", "Economy", 0.3, "procurement", "budget"));
    }

    private static Rule anchor(String id, String category, double weight, String... words) {
        List<String> terms = new ArrayList<>();
        List<String> phrases = new ArrayList<>();
        for (String w : words) {
            (w.contains(" ") ? phrases : terms).add(w);
        }
        return new Rule(id, category, weight, terms, phrases, List.of(), List.of(), 1);
    }
}
