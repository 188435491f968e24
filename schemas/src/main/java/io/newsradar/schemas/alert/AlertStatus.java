package io.newsradar.schemas.alert;

import io.newsradar.avro.Alert;
import io.newsradar.avro.AlertLifecycle;

/**
 * The lifecycle of an alert as {@code Alert} v2 carries it, in the string field {@code status},
 * and how readers of every version interpret it.
 *
 * <p>Why a string beside the v1 enum {@code lifecycle}: adding {@code RETRACTED} to the enum
 * would break every v1 reader (an Avro enum without a default cannot read an unknown symbol), so
 * v2 keeps the enum for them, {@code NEW} or else {@code UPDATED}, and says the full truth in
 * {@code status}. A value this reader does not know yet reads as {@link #UPDATED}: some change to
 * a story already alerted.
 *
 * <p>Alert ids: {@code <story id>:<route>:<sequence>} from v2 on, where the sequence counts the
 * alerts of the story on that route from 1 (the NEW one). Receivers dedupe on the alert id and
 * group on the story id.
 */
public final class AlertStatus {
    /** The first alert of a story on a route. */
    public static final String NEW = "NEW";
    /** A later alert of the same story on the same route: a higher score or more outlets. */
    public static final String UPDATED = "UPDATED";
    /** The story was taken down (a tombstone or {@code newsradar retract}) after it had alerted. */
    public static final String RETRACTED = "RETRACTED";

    private AlertStatus() {}

    /** The status of an alert of any version: {@code status}, or for a v1 record its {@code lifecycle}. */
    public static String of(Alert alert) {
        String status = alert.getStatus();
        if (status == null || status.isEmpty()) {
            return alert.getLifecycle() == null ? UPDATED : alert.getLifecycle().name();
        }
        return switch (status) {
            case NEW, UPDATED, RETRACTED -> status;
            default -> UPDATED;
        };
    }

    /** The v1 enum value that goes with a status: NEW stays NEW, everything else reads as UPDATED. */
    public static AlertLifecycle lifecycleFor(String status) {
        return NEW.equals(status) ? AlertLifecycle.NEW : AlertLifecycle.UPDATED;
    }

    /** The v2 alert id: story, route and the story's sequence on that route. */
    public static String alertId(String storyId, String route, int sequence) {
        if (sequence < 1) {
            throw new IllegalArgumentException("alert sequences start at 1: " + sequence);
        }
        return storyId + ":" + route + ":" + sequence;
    }
}
