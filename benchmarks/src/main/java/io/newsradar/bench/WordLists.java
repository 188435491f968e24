package io.newsradar.bench;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * The vocabulary of the generated articles and rules, written for the benchmark: ordinary English
 * function and news words, words the default taxonomy looks for, and made-up names built from
 * syllables with a fixed seed (the generated rules' terms, so that some rules match some articles
 * and most rules match none, as in a real media-monitoring ruleset).
 */
final class WordLists {
    /** Plain words that carry no tag: the bulk of every generated sentence. */
    static final List<String> COMMON = List.of(
            "the",
            "a",
            "of",
            "to",
            "in",
            "and",
            "on",
            "for",
            "with",
            "that",
            "was",
            "is",
            "by",
            "at",
            "from",
            "as",
            "said",
            "its",
            "after",
            "new",
            "over",
            "their",
            "has",
            "will",
            "would",
            "could",
            "more",
            "than",
            "this",
            "last",
            "first",
            "two",
            "three",
            "year",
            "week",
            "month",
            "officials",
            "government",
            "plan",
            "report",
            "people",
            "country",
            "city",
            "region",
            "local",
            "state",
            "public",
            "company",
            "market",
            "price",
            "prices",
            "growth",
            "rates",
            "bank",
            "trade",
            "exports",
            "workers",
            "union",
            "talks",
            "meeting",
            "statement",
            "agency",
            "council",
            "committee",
            "leaders",
            "group",
            "members",
            "announced",
            "expected",
            "according",
            "spokesperson",
            "told",
            "reporters",
            "during",
            "before",
            "while",
            "under",
            "between",
            "across",
            "about",
            "against",
            "since",
            "still",
            "also",
            "later",
            "early",
            "late",
            "major",
            "small",
            "large",
            "higher",
            "lower",
            "recent",
            "current",
            "annual",
            "project",
            "systems",
            "network",
            "equipment",
            "research",
            "development",
            "support",
            "training",
            "exercise",
            "vessels",
            "aircraft",
            "border",
            "coast",
            "port",
            "island",
            "northern",
            "southern",
            "eastern",
            "western",
            "capital",
            "policy",
            "review",
            "proposal",
            "contract",
            "companies",
            "industry",
            "supply",
            "chain",
            "costs",
            "funding",
            "schedule",
            "delays",
            "analysts",
            "experts",
            "concerns",
            "warning",
            "response",
            "measures",
            "rules",
            "law",
            "court",
            "election",
            "vote",
            "minister",
            "president",
            "office",
            "parliament",
            "ministry",
            "department",
            "partners",
            "partnership",
            "agreement",
            "deal",
            "visit",
            "summit",
            "weather",
            "storm",
            "rain",
            "season",
            "team",
            "match",
            "fans",
            "stadium",
            "school",
            "students",
            "hospital",
            "health",
            "patients",
            "energy",
            "power",
            "grid",
            "fuel",
            "oil",
            "gas",
            "climate",
            "emissions",
            "water",
            "food",
            "farmers",
            "tourism",
            "housing",
            "transport",
            "rail",
            "roads",
            "airport",
            "flights",
            "data",
            "software",
            "chips",
            "computing",
            "platform",
            "users",
            "online",
            "service",
            "services");

    /** Words and phrases the default taxonomy tags (defense, AI, cooperation, diplomacy, places). */
    static final List<String> DOMAIN = List.of(
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
            "national security",
            "AI",
            "artificial intelligence",
            "machine learning",
            "autonomous drones",
            "computer vision",
            "neural network",
            "defense cooperation",
            "security pact",
            "joint exercises",
            "military ties",
            "diplomatic",
            "foreign minister",
            "embassy",
            "bilateral",
            "Seoul",
            "South Korea",
            "Tokyo",
            "Japan",
            "Beijing",
            "China",
            "Washington",
            "United States",
            "London",
            "Canberra",
            "North Korea",
            "procurement",
            "budget");

    /** Concrete facts the scorer rewards, dropped into some sentences. */
    static final List<String> FACTS = List.of(
            "worth $1.2 billion",
            "a budget of 340 million dollars",
            "by March 2027",
            "on 14 April",
            "under the Tidewater programme",
            "the Harbor Lantern project",
            "about 85 million euros");

    private static final String[] ONSETS = {
        "b", "br", "c", "ch", "d", "dr", "f", "g", "gr", "h", "k", "l", "m", "n", "p", "pr", "r", "s", "st", "t", "tr",
        "v", "w", "z"
    };
    private static final String[] VOWELS = {"a", "e", "i", "o", "u", "ai", "ea", "ou"};
    private static final String[] CODAS = {"", "", "n", "r", "l", "s", "t", "m", "nd", "rk"};

    private WordLists() {}

    /**
     * {@code count} distinct lower-case made-up words of two or three syllables, always the same
     * for one seed. None is an English word the default taxonomy knows, so they only ever match the
     * generated rules.
     */
    static List<String> madeUpWords(int count, long seed) {
        Random random = new Random(seed);
        Set<String> words = new LinkedHashSet<>();
        while (words.size() < count) {
            int syllables = 2 + random.nextInt(2);
            StringBuilder w = new StringBuilder();
            for (int s = 0; s < syllables; s++) {
                w.append(pick(random, ONSETS)).append(pick(random, VOWELS)).append(pick(random, CODAS));
            }
            words.add(w.toString());
        }
        return new ArrayList<>(words);
    }

    private static String pick(Random random, String[] from) {
        return from[random.nextInt(from.length)];
    }
}
