package io.newsradar.scoring.stories;

import com.dynatrace.hash4j.hashing.Hasher64;
import com.dynatrace.hash4j.hashing.Hashing;
import com.dynatrace.hash4j.similarity.ElementHashProvider;
import com.dynatrace.hash4j.similarity.SimilarityHashPolicy;
import com.dynatrace.hash4j.similarity.SimilarityHashing;
import io.newsradar.avro.NewsArticle;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The near-duplicate signature of an article and its LSH band keys: a SuperMinHash (hash4j) over
 * the article's word shingles, {@code bands x rows} components. Two articles are candidates when
 * one band (all its rows) is equal, and the same story when the fraction of equal components, an
 * estimate of the Jaccard similarity of their shingle sets, reaches {@link StorySettings#similarity}.
 *
 * <p>Pure and thread-safe (a hasher per call). The signature depends only on the article's text,
 * never on its id, URL, source or times, so copies from different outlets hash alike.
 */
public final class StoryHasher {
    // Signature components of 16 bits: two unrelated articles share one with probability 2^-16,
    // small beside any similarity threshold worth using, at a quarter of the bytes of 64 bits.
    static final int COMPONENT_BITS = 16;
    // Enough of the body to cover a wire story's lead, which copies keep; more of it only adds the
    // local edits and the trailing boilerplate outlets append.
    static final int BODY_WORDS = 80;
    private static final Hasher64 SHINGLE_HASH = Hashing.komihash5_0();
    private static final Hasher64 BAND_HASH = Hashing.komihash5_0(0x6e657773L); // a seed of its own

    private final StorySettings settings;
    private final SimilarityHashPolicy policy;

    public StoryHasher(StorySettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.policy = SimilarityHashing.superMinHash(settings.components(), COMPONENT_BITS);
    }

    /** The signature of an article's text; empty text gets the signature of the empty set. */
    public byte[] signature(NewsArticle article) {
        return signature(article.getTitle(), article.getBody());
    }

    public byte[] signature(String title, String body) {
        long[] shingles = shingles(title, body);
        return policy.createHasher()
                .compute(ElementHashProvider.ofValues(shingles.length == 0 ? new long[] {0L} : shingles));
    }

    /**
     * One key per band, {@code <band index>:<16 hex digits>}: equal keys mean equal rows in that
     * band. The band index is part of the key, so equal rows in different bands never meet.
     */
    public List<String> bandKeys(byte[] signature) {
        checkSize(signature);
        List<String> keys = new ArrayList<>(settings.bands());
        HexFormat hex = HexFormat.of();
        for (int band = 0; band < settings.bands(); band++) {
            long h = band;
            for (int row = 0; row < settings.rows(); row++) {
                h = BAND_HASH.hashLongLongToLong(h, policy.getComponent(signature, band * settings.rows() + row));
            }
            keys.add(band + ":" + hex.toHexDigits(h));
        }
        return keys;
    }

    /** The estimated Jaccard similarity of two signatures' shingle sets, 0 to 1. */
    public double similarity(byte[] a, byte[] b) {
        checkSize(a);
        checkSize(b);
        return policy.getFractionOfEqualComponents(a, b);
    }

    /** Whether two signatures are similar enough to be one story. */
    public boolean sameStory(byte[] a, byte[] b) {
        return similarity(a, b) >= settings.similarity();
    }

    public int signatureBytes() {
        return policy.getSignatureSizeInBytes();
    }

    private void checkSize(byte[] signature) {
        if (signature == null || signature.length != policy.getSignatureSizeInBytes()) {
            throw new IllegalArgumentException("a story signature has " + policy.getSignatureSizeInBytes()
                    + " bytes under these settings, got "
                    + (signature == null ? "none" : signature.length));
        }
    }

    /** Hashes of the word bigrams of the title and the body's lead (unigrams for a one-word text). */
    static long[] shingles(String title, String body) {
        List<String> words = new ArrayList<>();
        words(title, Integer.MAX_VALUE, words);
        words(body, BODY_WORDS, words);
        if (words.size() == 1) {
            return new long[] {SHINGLE_HASH.hashCharsToLong(words.get(0))};
        }
        long[] out = new long[Math.max(0, words.size() - 1)];
        for (int i = 0; i + 1 < words.size(); i++) {
            out[i] = SHINGLE_HASH.hashCharsToLong(words.get(i) + ' ' + words.get(i + 1));
        }
        return out;
    }

    private static void words(String text, int limit, List<String> into) {
        if (text == null) {
            return;
        }
        int added = 0;
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < text.length() && added < limit; ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isLetterOrDigit(cp)) {
                word.appendCodePoint(cp);
            } else if (word.length() > 0) {
                into.add(word.toString().toLowerCase(Locale.ROOT));
                word.setLength(0);
                added++;
            }
        }
        if (word.length() > 0 && added < limit) {
            into.add(word.toString().toLowerCase(Locale.ROOT));
        }
    }
}
