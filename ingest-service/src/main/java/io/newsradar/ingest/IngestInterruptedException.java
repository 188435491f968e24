package io.newsradar.ingest;

/**
 * An input stopped part-way because the Kafka cluster failed; carries what was done with the
 * input until then, so the caller can still report it. The message is the cluster failure's.
 */
public final class IngestInterruptedException extends BrokerUnavailableException {
    private static final long serialVersionUID = 1L;

    private final transient IngestSummary partial;

    /**
     * @param notSent records read that the failure kept from the broker
     * @param unread  what of the input was not read because of the failure, or null when all of it was
     */
    IngestInterruptedException(BrokerUnavailableException cause, IngestSummary partial, int notSent, String unread) {
        super(
                cause.getMessage() + " (" + partial.input() + ": " + notSent + " of " + partial.read()
                        + " records not published because of it" + (unread == null ? "" : "; " + unread) + ")",
                cause.getCause());
        this.partial = partial;
    }

    /**
     * The input's outcome up to the failure: its rejections are the input's own errors; the
     * articles the failure kept from the broker are counted in the message, not listed.
     */
    public IngestSummary partial() {
        return partial;
    }
}
