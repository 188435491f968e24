package io.newsradar.sink;

import io.newsradar.avro.Alert;
import io.newsradar.schemas.alert.AlertStatus;
import java.io.PrintStream;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Prints each alert as three human-readable lines: what happened to which article, the story it
 * belongs to, and why it scored.
 *
 * <pre>
 * [ALERT defense-ai/high] UPDATED 7.8  Allies fund joint autonomous drone programme (Harbor City Ledger)
 *     story abc #2, carried by 4 outlets; changed: score 6.1 -&gt; 7.8; 2 -&gt; 4 outlets  id=abc:defense-ai:2
 *     +2.0 defense and AI named together in the title; +1.5 a budget is named
 * </pre>
 *
 * <p>The status is {@link AlertStatus#of}, so an alert written before {@code Alert} v2 shows its
 * lifecycle; it has no sequence ({@code #n} is left out) and its one article is its coverage. A
 * {@code RETRACTED} alert says why ({@code retracted: taken down at the source}).
 *
 * <p>The console is a view for a person, not a record of delivery (the file and, later, webhooks
 * are). Once it breaks (a closed pipe: {@code newsradar sink | head}) it says so once and goes
 * quiet; it never fails a delivery, or every later batch would be dead-lettered and replayed.
 */
public final class ConsoleDestination implements AlertDestination {
    static final int MAX_TITLE = 90;
    static final int MAX_RATIONALE = 200;
    static final int MAX_CHANGE = 160;
    static final String INDENT = "    ";

    private static final Logger LOG = LoggerFactory.getLogger(ConsoleDestination.class);

    private final PrintStream out;
    private volatile boolean broken;

    public ConsoleDestination(PrintStream out) {
        this.out = out;
    }

    @Override
    public void deliver(Alert alert) {
        if (broken) {
            return;
        }
        String lines;
        try {
            lines = format(alert);
        } catch (RuntimeException e) {
            // a view: an alert it cannot show is still delivered to the other destinations
            LOG.warn("cannot print alert {}: {}", alert.getAlertId(), SinkErrors.describe(e));
            return;
        }
        out.println(lines);
        checkStillWorking();
    }

    /** True once the output has failed; the destination prints nothing after that. */
    public boolean broken() {
        return broken;
    }

    private void checkStillWorking() {
        // PrintStream swallows I/O errors and keeps the flag set for good
        if (!broken && out.checkError()) {
            broken = true;
            LOG.warn("console output failed (stream closed or broken pipe); alerts are no longer printed, "
                    + "the other destinations still receive them");
        }
    }

    /** The three lines for one alert, separated by line separators, without a trailing one. */
    static String format(Alert alert) {
        String status = AlertStatus.of(alert);
        String head = String.format(
                Locale.ROOT,
                "[ALERT %s/%s] %s %.1f  %s (%s)",
                alert.getRoute(),
                alert.getPriority(),
                status,
                alert.getScore(),
                shorten(oneLine(alert.getTitle()), MAX_TITLE),
                oneLine(alert.getSource()));
        return head
                + System.lineSeparator()
                + INDENT
                + story(alert, status)
                + System.lineSeparator()
                + INDENT
                + shorten(oneLine(alert.getRationale()), MAX_RATIONALE);
    }

    /** The story line: which story, how far along, how widely carried, what changed, and the alert id. */
    static String story(Alert alert, String status) {
        StringBuilder line = new StringBuilder("story ").append(oneLine(alert.getStoryId()));
        // 0 in an alert written before v2: it had no sequence to show
        if (alert.getSequence() > 0) {
            line.append(" #").append(alert.getSequence());
        }
        int coverage = Math.max(1, alert.getCoverage());
        line.append(", carried by ").append(coverage).append(coverage == 1 ? " outlet" : " outlets");
        String change = oneLine(alert.getChange());
        if (!change.isEmpty()) {
            String label = AlertStatus.RETRACTED.equals(status) ? "retracted" : "changed";
            line.append("; ").append(label).append(": ").append(shorten(change, MAX_CHANGE));
        }
        return line.append("  id=").append(alert.getAlertId()).toString();
    }

    /** Collapses line breaks and runs of spaces so a field never adds lines of its own. */
    static String oneLine(String text) {
        return text == null ? "" : text.replaceAll("\\s+", " ").strip();
    }

    static String shorten(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        return text.substring(0, max - 3).stripTrailing() + "...";
    }

    @Override
    public void flush() {
        if (!broken) {
            out.flush();
            checkStillWorking();
        }
    }

    @Override
    public String name() {
        return "console";
    }
}
