package io.newsradar.scoring.stories;

import com.dynatrace.hash4j.hashing.Hasher64;
import com.dynatrace.hash4j.hashing.Hashing;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * The distinct outlets carrying a story, compared without case, in the order they first carried
 * it. Bounded: the names of the first {@value #NAMES_KEPT} are kept (for the records and alerts,
 * which show at most {@value #SHOWN}); further outlets are kept as 32-bit hashes of their names
 * only, so they are still counted once each, up to {@value #COUNTED_MAX} outlets in all. Beyond
 * that the count stays at {@value #COUNTED_MAX}: far past where the coverage term stops growing.
 *
 * @param names the first outlets' names as first seen (each at most {@value #MAX_NAME_CHARS}
 *              characters)
 * @param more  hashes of the further outlets' names, sorted
 */
public record StoryOutlets(List<String> names, List<Integer> more) {
    /** Outlet names kept in the state. */
    public static final int NAMES_KEPT = 64;
    /** Distinct outlets counted at most, names and hashes together. */
    public static final int COUNTED_MAX = 1024;
    /** Outlet names a scored record or an alert lists (the schemas' "at most the first 32"). */
    public static final int SHOWN = 32;
    /** Longest outlet name kept: a source may be up to 8 KiB, a state must stay small. */
    static final int MAX_NAME_CHARS = 200;

    static final StoryOutlets NONE = new StoryOutlets(List.of(), List.of());
    private static final Hasher64 HASH = Hashing.komihash5_0();

    public StoryOutlets {
        names = List.copyOf(names);
        more = List.copyOf(more);
        if (names.size() > NAMES_KEPT || names.size() + more.size() > COUNTED_MAX) {
            throw new IllegalArgumentException(
                    "too many outlets: " + names.size() + " names and " + more.size() + " hashes");
        }
        if (!more.isEmpty() && names.size() < NAMES_KEPT) {
            throw new IllegalArgumentException("outlet hashes are kept only once " + NAMES_KEPT + " names are");
        }
    }

    /** Distinct outlets counted so far (at most {@value #COUNTED_MAX}). */
    public int count() {
        return names.size() + more.size();
    }

    /** The names to show on a record or an alert: the first {@value #SHOWN}. */
    public List<String> shown() {
        return names.subList(0, Math.min(SHOWN, names.size()));
    }

    /** With {@code source} counted; this same instance when it is known already (or the count is full). */
    public StoryOutlets with(String source) {
        String name = name(source);
        if (name.isEmpty()) {
            return this;
        }
        String key = key(name);
        for (String known : names) {
            if (key(known).equals(key)) {
                return this;
            }
        }
        if (names.size() < NAMES_KEPT) {
            List<String> grown = new ArrayList<>(names);
            grown.add(name);
            return new StoryOutlets(grown, more);
        }
        int hash = hash(key);
        int at = Collections.binarySearch(more, hash);
        if (at >= 0 || count() >= COUNTED_MAX) {
            return this;
        }
        List<Integer> grown = new ArrayList<>(more);
        grown.add(-at - 1, hash);
        return new StoryOutlets(names, grown);
    }

    /** The hashes as base64 of 4-byte big-endian integers: compact in the JSON state. */
    String moreAsBase64() {
        ByteBuffer bytes = ByteBuffer.allocate(more.size() * Integer.BYTES);
        more.forEach(bytes::putInt);
        return Base64.getEncoder().encodeToString(bytes.array());
    }

    static List<Integer> moreFromBase64(String text) {
        byte[] bytes = Base64.getDecoder().decode(text);
        if (bytes.length % Integer.BYTES != 0) {
            throw new IllegalArgumentException("outlet hashes must be whole 4-byte integers: " + bytes.length);
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        List<Integer> out = new ArrayList<>(bytes.length / Integer.BYTES);
        while (buffer.hasRemaining()) {
            out.add(buffer.getInt());
        }
        List<Integer> sorted = new ArrayList<>(out);
        Collections.sort(sorted);
        if (!sorted.equals(out) || sorted.stream().distinct().count() != sorted.size()) {
            throw new IllegalArgumentException("outlet hashes must be sorted and distinct");
        }
        return out;
    }

    private static String name(String source) {
        String stripped = source == null ? "" : source.strip();
        return stripped.length() <= MAX_NAME_CHARS ? stripped : stripped.substring(0, MAX_NAME_CHARS);
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    private static int hash(String key) {
        return (int) HASH.hashCharsToLong(key);
    }
}
