package io.newsradar.ingest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Collects a response body of at most {@code maxBytes} (as sent, before any decompression), and
 * fails with {@link FeedTooLargeException} as soon as it would exceed it, so a huge or endless
 * body never fills the heap.
 */
final class LimitedBodySubscriber implements HttpResponse.BodySubscriber<byte[]> {
    private final long maxBytes;
    private final boolean tooLargeUpFront;
    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    private Flow.Subscription subscription;

    private LimitedBodySubscriber(long maxBytes, boolean tooLargeUpFront) {
        this.maxBytes = maxBytes;
        this.tooLargeUpFront = tooLargeUpFront;
    }

    /**
     * The body handler's choice: a success body is read up to the limit (refused at once when its
     * Content-Length is already over it); any other body (redirects, 304, errors) is not read at
     * all, as nothing in it is used.
     */
    static HttpResponse.BodySubscriber<byte[]> forResponse(HttpResponse.ResponseInfo info, long maxBytes) {
        if (info.statusCode() < 200 || info.statusCode() > 299) {
            return HttpResponse.BodySubscribers.replacing(new byte[0]);
        }
        long declared = info.headers().firstValueAsLong("Content-Length").orElse(-1);
        return new LimitedBodySubscriber(maxBytes, declared > maxBytes);
    }

    /** A body over the size limit. */
    static final class FeedTooLargeException extends IOException {
        private static final long serialVersionUID = 1L;

        FeedTooLargeException(long maxBytes) {
            super("feed is larger than the limit of " + maxBytes + " bytes");
        }
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
