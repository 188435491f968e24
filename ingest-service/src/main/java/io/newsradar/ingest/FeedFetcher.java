package io.newsradar.ingest;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Downloads feeds over HTTP(S) on one JDK HTTP client with bounded time and size: a descriptive
 * User-Agent, an Accept header naming the feed types, gzip (the size limit applies after
 * decompression too), conditional GET, and redirects followed here rather than by the client, so
 * the caller learns where a permanent redirect leads, and loops and long chains are cut off.
 * Thread-safe: one instance (one connection pool) serves every fetch of a process.
 */
public final class FeedFetcher {
    /** Redirects followed before giving up, unless told otherwise. */
    public static final int DEFAULT_MAX_REDIRECTS = 5;

    /** The feed types first; generic XML and JSON after; anything, last, for servers that insist. */
    static final String ACCEPT = "application/rss+xml, application/atom+xml, application/feed+json, "
            + "application/rdf+xml;q=0.9, application/xml;q=0.9, application/json;q=0.8, text/xml;q=0.8, */*;q=0.1";

    /** A downloaded feed document. */
    record Fetched(byte[] body, String contentType, URI finalUri) {}

    private final HttpClient client;
    private final FeedReader.Options options;
    private final Duration downloadTimeout;
    private final int maxRedirects;

    /** The limits and User-Agent this fetcher applies. */
    public FeedReader.Options options() {
        return options;
    }

    /** The whole download (all redirects included) gets twice the request timeout. */
    public FeedFetcher(FeedReader.Options options) {
        this(options, options.requestTimeout().multipliedBy(2), DEFAULT_MAX_REDIRECTS);
    }

    /**
     * @param downloadTimeout bounds a whole fetch, every redirect and the body included, so a
     *     server that trickles bytes cannot hold a poller thread
     * @param maxRedirects    redirects followed; one more is a failure
     */
    public FeedFetcher(FeedReader.Options options, Duration downloadTimeout, int maxRedirects) {
        this.options = Objects.requireNonNull(options, "options");
        this.downloadTimeout = Objects.requireNonNull(downloadTimeout, "downloadTimeout");
        if (downloadTimeout.isNegative() || downloadTimeout.isZero()) {
            throw new IllegalArgumentException("download timeout must be positive: " + downloadTimeout);
        }
        if (maxRedirects < 0) {
            throw new IllegalArgumentException("max redirects must not be negative: " + maxRedirects);
        }
        this.maxRedirects = maxRedirects;
        this.client = HttpClient.newBuilder()
                // HTTP/2 where the server offers it (ALPN on TLS), HTTP/1.1 otherwise
                .version(HttpClient.Version.HTTP_2)
                .connectTimeout(options.connectTimeout())
                // followed in fetch(): the caller needs a permanent redirect's target, and the hop
                // limit, the loop check and the https-to-http refusal are ours
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /**
     * Fetches once, following redirects, and fails on anything but a 2xx (the one-shot reads of
     * {@link FeedReader#readUrl}).
     */
    Fetched fetch(URI uri) throws FeedReadException {
        FetchResponse r;
        try {
            r = fetch(uri, HttpValidators.NONE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FeedReadException("feed " + uri + ": interrupted", e);
        } catch (FetchException e) {
            throw new FeedReadException("feed " + uri + ": " + e.getMessage(), e);
        }
        if (!r.isSuccess()) {
            throw new FeedReadException(
                    "feed " + uri + ": HTTP " + r.status() + (r.finalUri().equals(uri) ? "" : " from " + r.finalUri()));
        }
        return new Fetched(r.body(), r.contentType(), r.finalUri());
    }

    /**
     * One conditional GET, following up to the redirect limit. Any final status is returned (304,
     * 429, 500 alike) for the caller to judge; only a 2xx response's body is read.
     *
     * @throws FetchException       when no usable response came (network, timeout, size, encoding,
     *                              redirects); its message names the reason without the URL
     * @throws InterruptedException when the calling thread is interrupted (the request is cancelled)
     */
    public FetchResponse fetch(URI uri, HttpValidators validators) throws FetchException, InterruptedException {
        long deadline = System.nanoTime() + downloadTimeout.toNanos();
        List<URI> visited = new ArrayList<>();
        visited.add(uri);
        URI current = uri;
        URI permanent = uri;
        boolean permanentSoFar = true;
        while (true) {
            HttpResponse<byte[]> r = exchange(current, validators, deadline);
            int status = r.statusCode();
            Optional<String> location = r.headers().firstValue("Location");
            if (!isRedirect(status) || location.isEmpty()) {
                byte[] body = r.body();
                if (status >= 200 && status <= 299) {
                    body = ContentDecoding.decode(
                            body, r.headers().firstValue("Content-Encoding").orElse(null), options.maxBytes());
                }
                return new FetchResponse(status, r.headers(), body, current, permanent);
            }
            URI next = redirectTarget(current, location.get());
            if (visited.contains(next)) {
                throw new FetchException(
                        FetchException.Kind.REDIRECT,
                        "redirect loop (HTTP " + status + " back to a URL already visited after " + (visited.size() - 1)
                                + " redirects)");
            }
            if (visited.size() > maxRedirects) {
                throw new FetchException(
                        FetchException.Kind.REDIRECT, "more than " + maxRedirects + " redirects (limit reached)");
            }
            visited.add(next);
            // 301 and 308 are permanent; once a 302/303/307 intervenes, what follows is temporary too
            permanentSoFar &= status == 301 || status == 308;
            if (permanentSoFar) {
                permanent = next;
            }
            current = next;
        }
    }

    private static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    private HttpResponse<byte[]> exchange(URI uri, HttpValidators validators, long deadlineNanos)
            throws FetchException, InterruptedException {
        HttpRequest request;
        try {
            HttpRequest.Builder b = HttpRequest.newBuilder(uri)
                    .GET()
                    .timeout(options.requestTimeout())
                    .header("User-Agent", options.userAgent())
                    .header("Accept", ACCEPT)
                    .header("Accept-Encoding", "gzip");
            if (!validators.etag().isEmpty()) {
                b.header("If-None-Match", validators.etag());
            }
            if (!validators.lastModified().isEmpty()) {
                b.header("If-Modified-Since", validators.lastModified());
            }
            request = b.build();
        } catch (IllegalArgumentException e) {
            throw new FetchException(FetchException.Kind.REQUEST, "cannot make the request: " + e.getMessage(), e);
        }
        CompletableFuture<HttpResponse<byte[]>> response =
                client.sendAsync(request, info -> LimitedBodySubscriber.forResponse(info, options.maxBytes()));
        try {
            // the request timeout only covers waiting for the headers; the deadline bounds the body too
            return response.get(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            response.cancel(true);
            throw new FetchException(
                    FetchException.Kind.TIMEOUT, "timed out after " + downloadTimeout.toMillis() + " ms", e);
        } catch (InterruptedException e) {
            response.cancel(true);
            throw e;
        } catch (CancellationException e) {
            throw new FetchException(FetchException.Kind.NETWORK, "cancelled", e);
        } catch (ExecutionException e) {
            throw classify(e.getCause());
        }
    }

    private static FetchException classify(Throwable t) {
        if (t instanceof LimitedBodySubscriber.FeedTooLargeException) {
            return new FetchException(FetchException.Kind.TOO_LARGE, t.getMessage(), t);
        }
        if (t instanceof HttpTimeoutException) {
            // HttpConnectTimeoutException included
            return new FetchException(FetchException.Kind.TIMEOUT, "timed out (" + t.getMessage() + ")", t);
        }
        if (t instanceof ConnectException || t instanceof java.nio.channels.UnresolvedAddressException) {
            return new FetchException(
                    FetchException.Kind.CONNECT,
                    "cannot connect" + (t.getMessage() == null ? "" : " (" + t.getMessage() + ")"),
                    t);
        }
        if (t instanceof IOException) {
            return new FetchException(
                    FetchException.Kind.NETWORK,
                    t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage()),
                    t);
        }
        return new FetchException(FetchException.Kind.NETWORK, String.valueOf(t), t);
    }

    /**
     * Where a Location header sends us, resolved against the URL that sent it. Refused: schemes
     * other than http(s), https to http (the feed would travel unprotected from then on), and
     * URLs with user info (a credential would end up in the stored state and the logs).
     */
    static URI redirectTarget(URI from, String location) throws FetchException {
        URI next;
        try {
            next = from.resolve(new URI(CanonicalUrl.escapeIllegalCharacters(location.strip())));
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new FetchException(FetchException.Kind.REDIRECT, "redirect to an invalid Location", e);
        }
        String scheme = next.getScheme() == null ? "" : next.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new FetchException(
                    FetchException.Kind.REDIRECT, "redirect to a non-http(s) URL refused (scheme '" + scheme + "')");
        }
        if (from.getScheme().equalsIgnoreCase("https") && scheme.equals("http")) {
            throw new FetchException(FetchException.Kind.REDIRECT, "redirect from https to plain http refused");
        }
        if (next.getRawUserInfo() != null) {
            throw new FetchException(
                    FetchException.Kind.REDIRECT, "redirect to a URL with a user name or password refused");
        }
        if (next.getHost() == null) {
            throw new FetchException(FetchException.Kind.REDIRECT, "redirect to a URL without a host");
        }
        if (next.getRawFragment() != null) {
            // a fragment is never sent; without it, the loop check compares what is fetched
            String text = next.toString();
            next = URI.create(text.substring(0, text.indexOf('#')));
        }
        return next;
    }
}
