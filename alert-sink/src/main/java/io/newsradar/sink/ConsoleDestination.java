package io.newsradar.sink;

import io.newsradar.avro.Alert;
import java.io.PrintStream;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Prints each alert as two human-readable lines:
 *
 * <pre>
 * [ALERT defense-ai/high] 7.8  Allies fund joint autonomous drone programme (Harbor City Ledger)  id=abc:1 NEW
 *     +2.0 defense and AI named together in the title; +1.5 a budget is named
 * </pre>
 *
 * <p>The console is a view for a person, not a record of delivery (the file and, later, webhooks
 * are). Once it breaks (a closed pipe: {@code newsradar sink | head}) it says so once and goes
 * quiet; it never fails a delivery, or every later batch would be dead-lettered and replayed.
 */
public final class ConsoleDestination implements AlertDestination {
    static final int MAX_TITLE = 90;
    static final int MAX_RATIONALE = 200;
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

    /** The two lines for one alert, separated by a newline, without a trailing one. */
    static String format(Alert alert) {
        String head = String.format(
                Locale.ROOT,
                "[ALERT %s/%s] %.1f  %s (%s)  id=%s %s",
                alert.getRoute(),
                alert.getPriority(),
                alert.getScore(),
                shorten(oneLine(alert.getTitle()), MAX_TITLE),
                oneLine(alert.getSource()),
                alert.getAlertId(),
                alert.getLifecycle());
        return head + System.lineSeparator() + INDENT + shorten(oneLine(alert.getRationale()), MAX_RATIONALE);
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
