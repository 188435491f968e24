package io.newsradar.scoring.stories;

import com.dynatrace.hash4j.hashing.Hasher64;
import com.dynatrace.hash4j.hashing.Hashing;
import com.dynatrace.hash4j.similarity.ElementHashProvider;
import com.dynatrace.hash4j.similarity.SimilarityHashPolicy;
import com.dynatrace.hash4j.similarity.SimilarityHashing;
import io.newsradar.avro.NewsArticle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * The near-duplicate signature of an article and its LSH band keys: a SuperMinHash (hash4j) over
 * the article's word shingles, {@code bands x rows} components, followed by two small SuperMinHashes
 * of telling words: the headline's, and the body's first {@link #LEAD_WORDS} words'. Two articles
 * are candidates when one band (all its rows) is equal, and the same story when the fraction of
 * equal components, an estimate of the Jaccard similarity of their shingle sets, reaches {@link
 * StorySettings#similarity} and, unless they are near-identical ({@link
 * #HEADLINE_FREE_SIMILARITY}), one's headline shares a telling word with the other's headline or
 * lead. That check keeps apart articles whose body is only a site's standing text under different
 * headlines, and lets through a copy whose headline was rewritten from its lead
 * (docs/stories-eval.md).
 *
 * <p>Pure and thread-safe (a hasher per call). The signature depends only on the article's text,
 * never on its id, URL, source or times, so copies from different outlets hash alike.
 */
public final class StoryHasher {
    // Signature components of 16 bits: two unrelated articles share one with probability 2^-16,
    // small beside any similarity threshold worth using, at a quarter of the bytes of 64 bits.
    static final int COMPONENT_BITS = 16;
    // Components of the headline part: enough that headlines sharing one telling word of about
    // ten show it most of the time (1 - 0.9^32 = 97 %).
    static final int HEADLINE_COMPONENTS = 32;
    /** Words of the body's start that a rewritten headline may take its words from. */
    static final int LEAD_WORDS = 12;
    /** Similarity at which two articles are one story whatever their headlines say. */
    public static final double HEADLINE_FREE_SIMILARITY = 0.85;

    private static final Hasher64 BAND_HASH = Hashing.komihash5_0(0x6e657773L); // a seed of its own

    /**
     * What the signature is computed over: shingles of {@code size} words (or characters), from the
     * title and the first {@code bodyWords} words of the body; each title shingle counts {@code
     * titleWeight} times (as that many distinct elements: the signature is over a set); {@code
     * headlineCheck} says whether sameStory also asks the headlines to share a telling word.
     */
    public record Shingling(Unit unit, int size, int bodyWords, int titleWeight, boolean headlineCheck) {
        /** Word shingles or character shingles of the lower-cased words joined by spaces. */
        public enum Unit {
            WORDS,
            CHARACTERS
        }

        /** The chosen shingling (docs/stories-eval.md, "Tuning"). */
        public static final Shingling DEFAULT = new Shingling(Unit.WORDS, 2, 80, 1, true);

        public Shingling {
            Objects.requireNonNull(unit, "unit");
            if (size < 1 || bodyWords < 0 || titleWeight < 1) {
                throw new IllegalArgumentException("bad shingling " + size + "/" + bodyWords + "/" + titleWeight);
            }
        }
    }

    private final StorySettings settings;
    private final Shingling shingling;
    private final SimilarityHashPolicy policy;
    private final SimilarityHashPolicy headlinePolicy;
    private final int mainBytes;
    // the main signature of a text without a word: such texts tell no story, so never one story
    private final byte[] emptyText;

    public StoryHasher(StorySettings settings) {
        this(settings, Shingling.DEFAULT);
    }

    /** A hasher with other shingles than the default: for the evaluation's comparisons. */
    public StoryHasher(StorySettings settings, Shingling shingling) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.shingling = Objects.requireNonNull(shingling, "shingling");
        this.policy = SimilarityHashing.superMinHash(settings.components(), COMPONENT_BITS);
        this.headlinePolicy = SimilarityHashing.superMinHash(HEADLINE_COMPONENTS, COMPONENT_BITS);
        this.mainBytes = policy.getSignatureSizeInBytes();
        this.emptyText = policy.createHasher().compute(elements(new long[0]));
    }

    /**
     * The signature of an article's text. A text without a word gets the signature of a fixed
     * stand-in element; {@link #sameStory} never joins it to anything.
     */
    public byte[] signature(NewsArticle article) {
        return signature(article.getTitle(), article.getBody());
    }

    public byte[] signature(String title, String body) {
        byte[] main = policy.createHasher().compute(elements(StoryShingles.of(title, body, shingling)));
        byte[] headline = headlinePolicy.createHasher().compute(elements(StoryShingles.headlineWords(title)));
        byte[] lead = headlinePolicy.createHasher().compute(elements(StoryShingles.leadWords(body, LEAD_WORDS)));
        byte[] out = Arrays.copyOf(main, mainBytes + headline.length + lead.length);
        System.arraycopy(headline, 0, out, mainBytes, headline.length);
        System.arraycopy(lead, 0, out, mainBytes + headline.length, lead.length);
        return out;
    }

    private static ElementHashProvider elements(long[] hashes) {
        // the empty set has no MinHash: a fixed element stands for it, so empty texts hash alike
        return ElementHashProvider.ofValues(hashes.length == 0 ? new long[] {0L} : hashes);
    }

    /**
     * One key per band, {@code <band index>:<16 hex digits>}: equal keys mean equal rows in that
     * band. The band index is part of the key, so equal rows in different bands never meet.
     */
    public List<String> bandKeys(byte[] signature) {
        checkSize(signature);
        byte[] main = Arrays.copyOf(signature, mainBytes);
        List<String> keys = new ArrayList<>(settings.bands());
        HexFormat hex = HexFormat.of();
        for (int band = 0; band < settings.bands(); band++) {
            long h = band;
            for (int row = 0; row < settings.rows(); row++) {
                h = BAND_HASH.hashLongLongToLong(h, policy.getComponent(main, band * settings.rows() + row));
            }
            keys.add(band + ":" + hex.toHexDigits(h));
        }
        return keys;
    }

    /** The estimated Jaccard similarity of two signatures' shingle sets, 0 to 1. */
    public double similarity(byte[] a, byte[] b) {
        checkSize(a);
        checkSize(b);
        return policy.getFractionOfEqualComponents(Arrays.copyOf(a, mainBytes), Arrays.copyOf(b, mainBytes));
    }

    /** Whether two signatures are similar enough to be one story. */
    public boolean sameStory(byte[] a, byte[] b) {
        double s = similarity(a, b);
        if (s < settings.similarity() || isEmptyText(a) || isEmptyText(b)) {
            return false;
        }
        return !shingling.headlineCheck() || s >= HEADLINE_FREE_SIMILARITY || headlinesShareAWord(a, b);
    }

    /**
     * Whether a headline shares a telling word with the other's headline or lead. Both small
     * signatures use one hash policy, so a component equal between a headline's and a lead's is
     * the MinHash of a shared word (or a 2^-16 accident): any equal component shows overlap.
     */
    private boolean isEmptyText(byte[] signature) {
        return Arrays.equals(signature, 0, mainBytes, emptyText, 0, mainBytes);
    }

    private boolean headlinesShareAWord(byte[] a, byte[] b) {
        byte[] ha = part(a, 0);
        byte[] hb = part(b, 0);
        return overlap(ha, hb) || overlap(ha, part(b, 1)) || overlap(part(a, 1), hb);
    }

    private byte[] part(byte[] signature, int index) {
        int size = headlinePolicy.getSignatureSizeInBytes();
        int from = mainBytes + index * size;
        return Arrays.copyOfRange(signature, from, from + size);
    }

    private boolean overlap(byte[] x, byte[] y) {
        return headlinePolicy.getFractionOfEqualComponents(x, y) > 0.0;
    }

    public int signatureBytes() {
        return mainBytes + 2 * headlinePolicy.getSignatureSizeInBytes();
    }

    private void checkSize(byte[] signature) {
        if (signature == null || signature.length != signatureBytes()) {
            throw new IllegalArgumentException("a story signature has " + signatureBytes()
                    + " bytes under these settings, got " + (signature == null ? "none" : signature.length));
        }
    }
}
