package io.newsradar.cli;

/** A record's place on a dead-letter topic, written {@code PARTITION:OFFSET} as {@code dlq list} prints it. */
record DlqPosition(int partition, long offset) {

    /** Parses {@code 0:12}; anything else is an {@link IllegalArgumentException} naming the text. */
    static DlqPosition parse(String text) {
        int colon = text == null ? -1 : text.indexOf(':');
        if (colon <= 0 || colon == text.length() - 1) {
            throw new IllegalArgumentException("not a PARTITION:OFFSET position: " + text + " (e.g. 0:12)");
        }
        try {
            int partition = Integer.parseInt(text.substring(0, colon));
            long offset = Long.parseLong(text.substring(colon + 1));
            if (partition < 0 || offset < 0) {
                throw new IllegalArgumentException("partition and offset must not be negative: " + text);
            }
            return new DlqPosition(partition, offset);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a PARTITION:OFFSET position: " + text + " (e.g. 0:12)", e);
        }
    }

    @Override
    public String toString() {
        return partition + ":" + offset;
    }
}
