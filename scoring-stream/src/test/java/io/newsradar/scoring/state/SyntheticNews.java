package io.newsradar.scoring.state;

import io.newsradar.avro.IngestChannel;
import io.newsradar.avro.NewsArticle;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * A steady stream of made-up news articles for state measurements: event times a fixed step apart,
 * and a fixed-seed mix of
 * <ul>
 *   <li>originals: a new URL and text of random words (no two share more than chance words), a
 *       share of them with a sentence on the default taxonomy's topics, so some score and alert;</li>
 *   <li>copies ({@link Mix#copyShare}): an original of the last {@link Mix#copyLag} republished by
 *       another outlet, with another URL, an edited headline and a word or two changed;</li>
 *   <li>revisions ({@link Mix#revisionShare}): an original of the last copy lag again under its own
 *       URL, with a correction appended (a new content hash).</li>
 * </ul>
 * The text is generated here; no outside data is read.
 */
final class SyntheticNews {
    /** The shares of copies and revisions, and how far back a copy or revision reaches. */
    record Mix(double copyShare, double revisionShare, Duration copyLag) {
        /** A fifth are syndicated copies, one in twenty a correction, both of the last six hours. */
        static Mix realistic() {
            return new Mix(0.20, 0.05, Duration.ofHours(6));
        }
    }

    /** One generated article and what it is. */
    record Item(NewsArticle article, Kind kind) {
        long eventTimeMs() {
            return article.getFetchedAt().toEpochMilli();
        }
    }

    enum Kind {
        ORIGINAL,
        COPY,
        REVISION
    }

    private static final int OUTLETS = 40;
    private static final int VOCABULARY = 6_000;
    private static final double ON_TOPIC_SHARE = 0.15;
    private static final String[] ON_TOPIC = {
        "The defence ministry said the joint artificial intelligence programme with Seoul would field autonomous"
                + " drones for surveillance by next year.",
        "Officials confirmed a procurement contract worth 1.2 billion dollars for military AI targeting systems.",
        "The armed forces will test machine learning tools for missile defence in a joint exercise with allies.",
        "Lawmakers questioned the army's plan to buy autonomous weapons from a start-up in Tokyo.",
    };

    private final SplittableRandom random;
    private final Mix mix;
    private final Instant start;
    private final long stepMs;
    private final String[] words;
    private final Deque<Item> recent = new ArrayDeque<>();
    private long index;

    /**
     * @param articlesPerHour the steady rate of event time: one article every 3600/rate seconds
     */
    SyntheticNews(long seed, Instant start, double articlesPerHour, Mix mix) {
        this.random = new SplittableRandom(seed);
        this.mix = mix;
        this.start = start;
        this.stepMs = Math.max(1, Math.round(3_600_000 / articlesPerHour));
        this.words = vocabulary(new SplittableRandom(seed ^ 0x5eedL));
    }

    /** The event time of the next article. */
    long nextEventTimeMs() {
        return start.toEpochMilli() + index * stepMs;
    }

    Item next() {
        long now = nextEventTimeMs();
        index++;
        while (!recent.isEmpty()
                && recent.peekFirst().eventTimeMs() < now - mix.copyLag().toMillis()) {
            recent.removeFirst();
        }
        double roll = random.nextDouble();
        if (!recent.isEmpty() && roll < mix.copyShare()) {
            return new Item(copy(pick(), now), Kind.COPY);
        }
        if (!recent.isEmpty() && roll < mix.copyShare() + mix.revisionShare()) {
            return new Item(revision(pick(), now), Kind.REVISION);
        }
        Item original = new Item(original(now), Kind.ORIGINAL);
        recent.addLast(original);
        return original;
    }

    private NewsArticle pick() {
        int i = random.nextInt(recent.size());
        // a deque has no index: walk from the nearer end
        var it = i < recent.size() / 2 ? recent.iterator() : recent.descendingIterator();
        int steps = i < recent.size() / 2 ? i : recent.size() - 1 - i;
        Item item = it.next();
        for (int s = 0; s < steps; s++) {
            item = it.next();
        }
        return item.article();
    }

    private NewsArticle original(long now) {
        int outlet = random.nextInt(OUTLETS);
        String url = "https://outlet" + outlet + ".example/news/" + index + "-" + Long.toHexString(random.nextLong());
        String title = capitalise(phrase(6 + random.nextInt(7)));
        StringBuilder body = new StringBuilder();
        int sentences = 5 + random.nextInt(20); // 60 to 300 words: mostly wire-length items
        boolean onTopic = random.nextDouble() < ON_TOPIC_SHARE;
        for (int s = 0; s < sentences; s++) {
            if (onTopic && s == 1) {
                body.append(ON_TOPIC[random.nextInt(ON_TOPIC.length)]).append(' ');
            }
            body.append(capitalise(phrase(8 + random.nextInt(8)))).append(". ");
        }
        return article(url, "outlet" + outlet, title, body.toString().strip(), now);
    }

    private NewsArticle copy(NewsArticle of, long now) {
        int outlet = random.nextInt(OUTLETS);
        String url = "https://outlet" + outlet + ".example/wire/" + index + "-" + Long.toHexString(random.nextLong());
        String title = random.nextBoolean() ? "UPDATE: " + of.getTitle() : of.getTitle() + " - Outlet " + outlet;
        List<String> body = new ArrayList<>(List.of(of.getBody().split(" ")));
        int edits = 1 + random.nextInt(2);
        for (int e = 0; e < edits; e++) {
            body.set(random.nextInt(body.size()), word());
        }
        return article(url, "outlet" + outlet, title, String.join(" ", body), now);
    }

    private NewsArticle revision(NewsArticle of, long now) {
        String body = of.getBody() + " Correction: " + capitalise(phrase(8)) + ".";
        return article(of.getUrl(), of.getSource(), of.getTitle(), body, now);
    }

    private static NewsArticle article(String url, String source, String title, String body, long now) {
        Instant fetched = Instant.ofEpochMilli(now);
        return NewsArticle.newBuilder()
                .setId(sha256(url).substring(0, 16))
                .setUrl(url)
                .setSource(source)
                .setTitle(title)
                .setBody(body)
                .setLanguage("en")
                .setPublishedAt(fetched.minusSeconds(120))
                .setFetchedAt(fetched)
                .setContentHash(sha256(title + "\n" + body))
                .setChannel(IngestChannel.FEED)
                .build();
    }

    private String phrase(int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                b.append(' ');
            }
            b.append(word());
        }
        return b.toString();
    }

    // Zipf-like: a few words common, most rare, as in text
    private String word() {
        double u = random.nextDouble();
        return words[(int) (Math.pow(u, 2.5) * words.length)];
    }

    /** Pronounceable made-up words, none of them a term of the taxonomy. */
    private static String[] vocabulary(SplittableRandom r) {
        String[] onsets = {"b", "br", "d", "f", "g", "k", "l", "m", "n", "p", "pl", "r", "s", "st", "t", "v", "z"};
        String[] vowels = {"a", "e", "i", "o", "u", "ai", "ou"};
        String[] codas = {"", "n", "r", "s", "l", "m", "x"};
        String[] out = new String[VOCABULARY];
        for (int i = 0; i < out.length; i++) {
            StringBuilder w = new StringBuilder();
            int syllables = 1 + r.nextInt(3);
            for (int s = 0; s < syllables; s++) {
                w.append(onsets[r.nextInt(onsets.length)])
                        .append(vowels[r.nextInt(vowels.length)])
                        .append(codas[r.nextInt(codas.length)]);
            }
            // a suffix from the index keeps the words distinct
            out[i] = w.append(Integer.toString(i, 36)).toString().toLowerCase(Locale.ROOT);
        }
        return out;
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    static String sha256(String s) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
