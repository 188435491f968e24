package io.newsradar.ingest;

/**
 * The validators of a conditional GET: the ETag sent as {@code If-None-Match} and the
 * Last-Modified date sent verbatim as {@code If-Modified-Since}; empty strings send nothing.
 */
public record HttpValidators(String etag, String lastModified) {
    /** An unconditional request. */
    public static final HttpValidators NONE = new HttpValidators("", "");

    public HttpValidators {
        etag = etag == null ? "" : etag.strip();
        lastModified = lastModified == null ? "" : lastModified.strip();
    }
}
