package io.newsradar.scoring.query;

/**
 * The key of an entry in the recent-alerts store: the alert's event time, zero-padded to a fixed
 * width, then its alert id. Keys sort as strings (and as bytes) in event-time order, then by alert
 * id, so the oldest entry of a task is the first one and eviction reads from the start.
 */
record RecentAlertKey(long eventTimeMs, String alertId) implements Comparable<RecentAlertKey> {
    private static final int WIDTH = 19;
    private static final char SEPARATOR = '|';

    RecentAlertKey {
        // before 1970 is not an article time: clamped so the fixed width holds
        eventTimeMs = Math.max(0, eventTimeMs);
    }

    String encode() {
        return String.format(java.util.Locale.ROOT, "%0" + WIDTH + "d", eventTimeMs) + SEPARATOR + alertId;
    }

    static RecentAlertKey decode(String key) {
        if (key.length() <= WIDTH || key.charAt(WIDTH) != SEPARATOR) {
            throw new IllegalArgumentException("not a recent-alerts key: " + key);
        }
        return new RecentAlertKey(Long.parseLong(key.substring(0, WIDTH)), key.substring(WIDTH + 1));
    }

    /** Event time, then alert id: the order of the store and of the merged answer (newest last). */
    @Override
    public int compareTo(RecentAlertKey o) {
        int c = Long.compare(eventTimeMs, o.eventTimeMs);
        return c != 0 ? c : alertId.compareTo(o.alertId);
    }
}
