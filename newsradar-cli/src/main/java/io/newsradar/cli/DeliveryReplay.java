package io.newsradar.cli;

import io.newsradar.avro.Alert;
import io.newsradar.schemas.topics.TopicDef;
import io.newsradar.sink.AlertDestination;
import io.newsradar.sink.JsonLinesFileDestination;
import io.newsradar.sink.SinkErrors;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Hands an undeliverable alert to the destinations that failed it, and only to them: in this
 * process, through the sink's own destination classes, so the other destinations (which took the
 * alert) do not see it twice, and nothing goes back to {@code alerts.<route>.v1}, which every sink
 * reads. The alert is read again, as Avro, from where the dead letter says it came from, so what
 * is delivered is exactly what the sink had; an alert gone from its topic (retention) is refused.
 * A destination is known by the name the sink gave it: {@code file:PATH} (a JSON-lines file) is
 * the one that can fail a delivery today; any other name is refused.
 */
final class DeliveryReplay {
    static final String FILE_PREFIX = "file:";

    /** Opens a destination by its name; throws when this version cannot. */
    @FunctionalInterface
    interface Opener {
        AlertDestination open(String name) throws Exception;
    }

    private final DlqReader reader;
    private final Opener opener;

    DeliveryReplay(DlqReader reader) {
        this(reader, DeliveryReplay::open);
    }

    DeliveryReplay(DlqReader reader, Opener opener) {
        this.reader = reader;
        this.opener = opener;
    }

    /** Why this dead letter cannot be replayed, before the alert is looked for, or empty. */
    static Optional<String> refusal(DeadLetter d) {
        Optional<DeadLetter.Delivery> v = d.delivery();
        if (v.isEmpty()) {
            return Optional.of("the value is not a delivery dead letter's JSON");
        }
        if (!v.get().undeliverable()) {
            return Optional.of("'" + v.get().kind() + "': the bytes on "
                    + v.get().sourceTopic() + " were not an alert, there is nothing to deliver (base64 in 'dlq show')");
        }
        if (v.get().failures().isEmpty()) {
            return Optional.of("no failed destination is named");
        }
        return Optional.empty();
    }

    DlqReplayOutcome replay(DeadLetter d) {
        Optional<String> refusal = refusal(d);
        if (refusal.isPresent()) {
            return DlqReplayOutcome.refused(d, refusal.get());
        }
        DeadLetter.Delivery v = d.delivery().orElseThrow();
        Optional<Alert> alert;
        try {
            alert = original(v);
        } catch (RuntimeException e) {
            // one dead letter naming a topic that is gone (or not an alert topic) must not stop the others
            return DlqReplayOutcome.refused(
                    d, "cannot read alert " + v.alertId() + " from " + v.sourceTopic() + ": " + Newsradar.describe(e));
        }
        if (alert.isEmpty()) {
            return DlqReplayOutcome.refused(
                    d,
                    "alert " + v.alertId() + " is no longer at " + v.sourceTopic() + " " + v.sourcePartition() + ":"
                            + v.sourceOffset() + " (retention?); nothing to deliver");
        }
        List<String> done = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        for (DeadLetter.Failure f : v.failures()) {
            try (AlertDestination destination = opener.open(f.destination())) {
                destination.deliver(alert.get());
                destination.flush();
                done.add(f.destination());
            } catch (Exception e) {
                failed.add(f.destination() + " (" + SinkErrors.describe(e) + ")");
            }
        }
        String text = "alert " + v.alertId() + (done.isEmpty() ? "" : " delivered to " + String.join(", ", done))
                + (failed.isEmpty()
                        ? ""
                        : (done.isEmpty() ? "" : ";") + " not delivered to " + String.join(", ", failed));
        return failed.isEmpty() ? DlqReplayOutcome.done(d, text) : DlqReplayOutcome.refused(d, text);
    }

    /** The alert the dead letter was written for, read again from its topic. */
    private Optional<Alert> original(DeadLetter.Delivery v) {
        if (v.sourcePartition() < 0 || v.sourceOffset() < 0) {
            return Optional.empty();
        }
        // an alerts.<route>.v1 name first: nothing else is read, whatever the dead letter says
        TopicDef<?, ?> topic = TailCommand.resolve(v.sourceTopic());
        Optional<ConsumerRecord<byte[], byte[]>> r =
                reader.read(topic.name(), new DlqPosition(v.sourcePartition(), v.sourceOffset()));
        if (r.isEmpty()) {
            return Optional.empty();
        }
        Object value = topic.valueSerde()
                .deserializer()
                .deserialize(topic.name(), r.get().value());
        if (value instanceof Alert a && a.getAlertId().equals(v.alertId())) {
            return Optional.of(a);
        }
        // the offset now holds something else (the topic was deleted and written again)
        return Optional.empty();
    }

    static AlertDestination open(String name) throws Exception {
        if (name.startsWith(FILE_PREFIX)) {
            return new JsonLinesFileDestination(Path.of(name.substring(FILE_PREFIX.length())));
        }
        throw new IllegalArgumentException("cannot deliver to destination '" + name + "' from the CLI; only "
                + FILE_PREFIX + "PATH destinations can be replayed to");
    }
}
