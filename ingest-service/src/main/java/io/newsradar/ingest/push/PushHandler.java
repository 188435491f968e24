package io.newsradar.ingest.push;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.micrometer.core.instrument.MeterRegistry;
import io.newsradar.avro.NewsArticle;
import io.newsradar.http.BoundedBody;
import io.newsradar.http.HttpError;
import io.newsradar.http.JsonResponses;
import io.newsradar.ingest.JsonLinesArticleReader;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /v1/articles}: checks the content type (415) and size (413), normalises every
 * article (400 when none is valid), publishes the valid ones and answers 202 with their ids only
 * once the broker has acknowledged every one of them; when it does not within the ack timeout,
 * 503 with {@code Retry-After}, and the client sends the request again.
 */
final class PushHandler implements Handler {
    private final PushSettings settings;
    private final PushParser parser;
    private final AckWait acks;
    private final MeterRegistry meters;

    PushHandler(PushSettings settings, JsonLinesArticleReader reader, AckWait acks, MeterRegistry meters) {
        this.settings = settings;
        this.parser = new PushParser(reader);
        this.acks = acks;
        this.meters = meters;
    }

    @Override
    public void handle(Context ctx) throws InterruptedException {
        PushFormat format = PushFormat.of(ctx.header("Content-Type"));
        byte[] body = BoundedBody.read(ctx, settings.maxBodyBytes());
        List<PushLine> lines = parser.parse(format, body);
        if (lines.isEmpty()) {
            throw HttpError.of(400, "the body holds no article");
        }

        List<PushLine> valid = lines.stream().filter(PushLine::isAccepted).toList();
        List<NewsArticle> articles =
                valid.stream().map(l -> l.article().article()).toList();
        List<AckWait.Ack> outcome = articles.isEmpty() ? List.of() : acks.publishAll(articles);

        long unacknowledged = outcome.stream().filter(AckWait.Ack::unavailable).count();
        if (unacknowledged > 0) {
            count("unavailable", 0, 0);
            throw HttpError.of(
                            503,
                            "the broker did not acknowledge " + unacknowledged + " of " + articles.size()
                                    + " articles within "
                                    + settings.ackTimeout().toMillis() + " ms: send the "
                                    + "request again later (articles already acknowledged are then repeats, "
                                    + "counted as such downstream)")
                    .withField("retryAfterSeconds", settings.retryAfterSeconds())
                    .withHeader("Retry-After", Integer.toString(settings.retryAfterSeconds()));
        }

        PushResponse response = response(lines, valid, outcome);
        if (response.accepted().isEmpty()) {
            count("rejected", 0, response.rejected().size());
            String error = format == PushFormat.SINGLE
                    ? response.rejected().get(0).reason()
                    : "no valid article in the batch: every line was rejected";
            throw HttpError.of(400, error).withField("rejected", response.rejected());
        }
        count("accepted", response.accepted().size(), response.rejected().size());
        JsonResponses.send(ctx, 202, response);
    }

    /** Accepted ids and rejected lines (at parsing or by the broker), in line order. */
    private static PushResponse response(List<PushLine> lines, List<PushLine> valid, List<AckWait.Ack> outcome) {
        Map<PushLine, AckWait.Ack> ackOf = new IdentityHashMap<>();
        for (int i = 0; i < valid.size(); i++) {
            ackOf.put(valid.get(i), outcome.get(i));
        }
        List<PushResponse.Accepted> accepted = new ArrayList<>();
        List<PushResponse.Rejected> rejected = new ArrayList<>();
        List<PushResponse.Note> notes = new ArrayList<>();
        for (PushLine line : lines) {
            if (!line.isAccepted()) {
                rejected.add(new PushResponse.Rejected(line.line(), line.reason()));
                continue;
            }
            AckWait.Ack ack = ackOf.get(line);
            if (!ack.acknowledged()) {
                rejected.add(new PushResponse.Rejected(line.line(), ack.rejection()));
                continue;
            }
            accepted.add(new PushResponse.Accepted(
                    line.line(), line.article().article().getId()));
            line.article().notes().forEach(n -> notes.add(new PushResponse.Note(line.line(), n)));
        }
        return new PushResponse(accepted, rejected, notes);
    }

    /** One request that reached the publishing step, and its articles by outcome. */
    private void count(String result, int accepted, int rejected) {
        meters.counter("newsradar.push.requests", "result", result).increment();
        meters.counter("newsradar.push.articles", "outcome", "accepted").increment(accepted);
        meters.counter("newsradar.push.articles", "outcome", "rejected").increment(rejected);
    }
}
