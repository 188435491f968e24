package io.newsradar.ingest.feeds;

import io.newsradar.schemas.hash.Sha256;
import java.util.regex.Pattern;

/**
 * Feed ids, the key of a feed's state in {@code feeds.state.v1}.
 *
 * <p>Scheme 1: the first 16 hex digits (64 bits) of the SHA-256 of the feed URL's canonical
 * form ({@link FeedUrl#canonical}) in UTF-8. The id is fixed once the feed's state exists: a
 * permanent redirect updates the URL in the state, not the key. A list entry may name its id
 * ({@code id:}) so that the key survives when its URL is edited by hand.
 */
public final class FeedIds {
    /** The version of the rules that derive a feed id; see the class comment. */
    public static final int ID_SCHEME = 1;

    private static final int ID_HEX_CHARS = 16;

    /** A named id: lower-case letters, digits and '-', like tag ids; derived ids match it too. */
    static final Pattern GIVEN_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

    private FeedIds() {}

    /**
     * The id of the feed at this URL (http(s) URL or file path).
     *
     * @throws IllegalArgumentException when the URL is not a usable feed location
     */
    public static String idFor(String url) {
        return hash(FeedUrl.canonical(url));
    }

    static String hash(String canonical) {
        return Sha256.hex(canonical).substring(0, ID_HEX_CHARS);
    }
}
