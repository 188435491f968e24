package io.newsradar.sink;

import io.newsradar.avro.Alert;
import java.io.IOException;
import java.io.PrintStream;
import java.util.Locale;

/**
 * Prints each alert as two human-readable lines:
 *
 * <pre>
 * [ALERT defense-ai/high] 7.8  Allies fund joint autonomous drone programme (Harbor City Ledger)  id=abc:1 NEW
 *     +2.0 defense and AI named together in the title; +1.5 a budget is named
 * </pre>
 */
public final class ConsoleDestination implements AlertDestination {
    static final int MAX_TITLE = 90;
    static final int MAX_RATIONALE = 200;
    static final String INDENT = "    ";

    private final PrintStream out;

    public ConsoleDestination(PrintStream out) {
        this.out = out;
    }

    @Override
    public void deliver(Alert alert) throws IOException {
        out.println(format(alert));
        // PrintStream swallows I/O errors; without this check a closed stdout would lose alerts silently.
        if (out.checkError()) {
            throw new IOException("console output failed (stream closed or broken pipe)");
        }
    }

    /** The two lines for one alert, separated by a newline, without a trailing one. */
    static String format(Alert alert) {
        String head = String.format(Locale.ROOT, "[ALERT %s/%s] %.1f  %s (%s)  id=%s %s",
                alert.getRoute(), alert.getPriority(), alert.getScore(),
                shorten(oneLine(alert.getTitle()), MAX_TITLE), oneLine(alert.getSource()),
                alert.getAlertId(), alert.getLifecycle());
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
    public void flush() throws IOException {
        out.flush();
        if (out.checkError()) {
            throw new IOException("console output failed (stream closed or broken pipe)");
        }
    }

    @Override
    public String name() {
        return "console";
    }
}
