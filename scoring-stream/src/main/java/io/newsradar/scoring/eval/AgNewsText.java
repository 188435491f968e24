package io.newsradar.scoring.eval;

import java.nio.charset.Charset;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Undoes the artefacts of the AG News text so the tagger sees what the wire item said:
 *
 * <ul>
 *   <li>a backslash stands for a line break of the original (the corpus escaped new lines), so
 *       every run of backslashes becomes a space;
 *   <li>HTML entities lost their {@code &} to a space ({@code " #39;s"}, {@code " quot;"},
 *       {@code " #36;10"}): such an entity, with the one space or {@code &} before it, becomes the
 *       character (the space was the {@code &}, so it goes too). Numbers 128-159 are Windows-1252
 *       ({@code #146;} is a right quote, {@code #151;} an em dash), as the feeds meant them;
 *   <li>the decoded text then carries HTML markup ({@code <b>}, {@code <p>}, links), removed like
 *       ingest removes HTML; angle brackets that are not HTML (stock tickers such as
 *       {@code <DELL.O>}) stay.
 * </ul>
 *
 * White space is then collapsed. Nothing else is changed: source markers such as "(AP)" stay, as a
 * feed would carry them.
 */
public final class AgNewsText {
    private static final Pattern BACKSLASHES = Pattern.compile("\\\\+");
    private static final Pattern ENTITY = Pattern.compile("[& ]?(?:#(\\d{1,5})|\\b(quot|amp|lt|gt|apos|nbsp));");
    private static final Pattern HTML_TAG = Pattern.compile(
            "<\\s*/?\\s*(?:a|b|i|u|p|br|em|strong|font|nobr|div|span|img|sup|sub|small|big|li|ul|ol|tt)\\b[^<>]*>",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private AgNewsText() {}

    public static String decode(String raw) {
        String text = BACKSLASHES.matcher(raw).replaceAll(" ");
        text = entities(text);
        text = HTML_TAG.matcher(text).replaceAll(" ");
        return SPACES.matcher(text).replaceAll(" ").strip();
    }

    private static String entities(String text) {
        Matcher m = ENTITY.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (m.find()) {
            String replacement = m.group(1) != null ? numeric(m.group(1)) : named(m.group(2));
            if (replacement == null) {
                replacement = m.group();
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String numeric(String digits) {
        int n = Integer.parseInt(digits);
        if (n >= 128 && n <= 159) {
            return new String(new byte[] {(byte) n}, WINDOWS_1252);
        }
        if (n == 0 || !Character.isValidCodePoint(n)) {
            return null;
        }
        return Character.toString(n);
    }

    private static String named(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "quot" -> "\"";
            case "amp" -> "&";
            case "lt" -> "<";
            case "gt" -> ">";
            case "apos" -> "'";
            case "nbsp" -> " ";
            default -> null;
        };
    }
}
