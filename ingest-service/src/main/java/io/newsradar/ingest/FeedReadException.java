package io.newsradar.ingest;

/**
 * A whole feed could not be read: not reachable, an HTTP error, too large, not XML, a DOCTYPE,
 * not RSS or Atom. The message names the feed and the reason. (Single bad items are not this:
 * they are reported as {@link IngestError}s next to the items that did read.)
 */
public class FeedReadException extends Exception {
    private static final long serialVersionUID = 1L;

    public FeedReadException(String message) {
        super(message);
    }

    public FeedReadException(String message, Throwable cause) {
        super(message, cause);
    }
}
