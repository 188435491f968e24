package io.newsradar.ingest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Downloads a feed over HTTP(S) with bounded time and size, using the JDK's HTTP client.
 * Conditional GET (ETag / Last-Modified from {@code feeds.state.v1}) belongs to the polling loop
 * and is not done here yet.
 */
final class FeedFetcher {

    /** A downloaded feed document. */
    record Fetched(byte[] body, String contentType, URI finalUri) {}

    private final HttpClient client;
    private final FeedReader.Options options;

    FeedFetcher(FeedReader.Options options) {
        this.options = options;
        this.client = HttpClient.newBuilder()
                .connectTimeout(options.connectTimeout())
                // NORMAL follows redirects but never from https down to http.
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    Fetched fetch(URI uri) throws FeedReadException {
        HttpRequest request = HttpRequest.newBuilder(uri)
                .GET()
                .timeout(options.requestTimeout())
                .header("User-Agent", options.userAgent())
                .header(
                        "Accept",
                        "application/rss+xml, application/atom+xml, application/xml;q=0.9, "
                                + "text/xml;q=0.8, */*;q=0.1")
                .build();
        CompletableFuture<HttpResponse<byte[]>> response =
                client.sendAsync(request, info -> limitedBody(info, options.maxBytes()));
        HttpResponse<byte[]> r;
        try {
            // The request timeout only covers waiting for the headers; this bounds the body too,
            // so a server that trickles bytes cannot hold the reader forever.
            r = response.get(options.requestTimeout().multipliedBy(2).toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            response.cancel(true);
            throw new FeedReadException(
                    "feed " + uri + ": timed out after "
                            + options.requestTimeout().multipliedBy(2).toSeconds() + " s",
                    e);
        } catch (InterruptedException e) {
            response.cancel(true);
            Thread.currentThread().interrupt();
            throw new FeedReadException("feed " + uri + ": interrupted", e);
        } catch (CancellationException e) {
            throw new FeedReadException("feed " + uri + ": cancelled", e);
        } catch (ExecutionException e) {
            throw new FeedReadException("feed " + uri + ": " + describe(e.getCause()), e.getCause());
        }
        if (r.statusCode() < 200 || r.statusCode() > 299) {
            throw new FeedReadException(
                    "feed " + uri + ": HTTP " + r.statusCode() + (r.uri().equals(uri) ? "" : " from " + r.uri()));
        }
        return new Fetched(r.body(), r.headers().firstValue("Content-Type").orElse(null), r.uri());
    }

    private static String describe(Throwable t) {
        if (t instanceof FeedTooLargeException) {
            return t.getMessage();
        }
        if (t instanceof HttpTimeoutException) {
            return "timed out (" + t.getMessage() + ")";
        }
        if (t instanceof java.net.ConnectException) {
            return "cannot connect" + (t.getMessage() == null ? "" : " (" + t.getMessage() + ")");
        }
        if (t instanceof IOException) {
            return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
        }
        return String.valueOf(t);
    }

    /** Reads at most {@code maxBytes}; an error body is not read at all. */
    private static HttpResponse.BodySubscriber<byte[]> limitedBody(HttpResponse.ResponseInfo info, long maxBytes) {
        if (info.statusCode() < 200 || info.statusCode() > 299) {
            return HttpResponse.BodySubscribers.replacing(new byte[0]);
        }
        long declared = info.headers().firstValueAsLong("Content-Length").orElse(-1);
        if (declared > maxBytes) {
            return new LimitedBodySubscriber(maxBytes, declared);
        }
        return new LimitedBodySubscriber(maxBytes, -1);
    }

    static final class FeedTooLargeException extends IOException {
        private static final long serialVersionUID = 1L;

        FeedTooLargeException(long maxBytes) {
            super("feed is larger than the limit of " + maxBytes + " bytes");
        }
    }

    private static final class LimitedBodySubscriber implements HttpResponse.BodySubscriber<byte[]> {
        private final long maxBytes;
        private final boolean tooLargeUpFront;
        private final CompletableFuture<byte[]> result = new CompletableFuture<>();
        private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        private Flow.Subscription subscription;

        LimitedBodySubscriber(long maxBytes, long declaredTooLarge) {
            this.maxBytes = maxBytes;
            this.tooLargeUpFront = declaredTooLarge >= 0;
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = Objects.requireNonNull(s);
            if (tooLargeUpFront) {
                s.cancel();
                result.completeExceptionally(new FeedTooLargeException(maxBytes));
            } else {
                s.request(1);
            }
        }

        @Override
        public void onNext(List<ByteBuffer> items) {
            if (result.isDone()) {
                return;
            }
            for (ByteBuffer b : items) {
                if (buffer.size() + (long) b.remaining() > maxBytes) {
                    subscription.cancel();
                    result.completeExceptionally(new FeedTooLargeException(maxBytes));
                    return;
                }
                byte[] chunk = new byte[b.remaining()];
                b.get(chunk);
                buffer.writeBytes(chunk);
            }
            subscription.request(1);
        }

        @Override
        public void onError(Throwable t) {
            result.completeExceptionally(t);
        }

        @Override
        public void onComplete() {
            result.complete(buffer.toByteArray());
        }
    }
}
