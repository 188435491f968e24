package io.newsradar.ingest;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A lenient reader for the dates feeds actually contain, used where ROME gives up (it returns
 * null for a date string it cannot match). Understands:
 * <ul>
 *   <li>RFC 822 / RFC 1123 / RFC 2822 ({@code Thu, 01 Jan 2004 19:48:21 GMT}), with or without the
 *       weekday and seconds, two- or four-digit years, full or abbreviated month names, numeric
 *       zones with or without a colon ({@code +0900}, {@code +09:00}) and the common zone names
 *       ({@code EST}, {@code PDT}, {@code CEST}, {@code JST}, {@code KST}...);
 *   <li>month-first US style ({@code Jan 5, 2004 10:00 EST});
 *   <li>ISO 8601 and W3C-DTF ({@code 2004}, {@code 2004-01}, {@code 2004-01-01},
 *       {@code 2004-01-01T19:48Z}, {@code 2004-01-01 19:48:21.5+0900}).
 * </ul>
 * A time without a zone is read as UTC (W3C-DTF requires a zone; feeds omit it anyway). A zone
 * name we do not know is tried as a region id and otherwise the date is not guessed: null.
 */
final class FeedDates {
    private static final String MONTH = "([A-Za-z]{3,9})\\.?";
    private static final String TIME = "(\\d{1,2}):(\\d{2})(?::(\\d{2})(?:[.,](\\d{1,9})\\d*)?)?";
    private static final Pattern RFC822 = Pattern.compile("(?:[A-Za-z]{2,9}\\.?(?:,\\s*|\\s+))?(\\d{1,2})[\\s-]+"
            + MONTH + "[\\s-]+(\\d{4}|\\d{2})(?:[\\sT,]+" + TIME + ")?\\s*(.*)");
    private static final Pattern MONTH_FIRST = Pattern.compile("(?:[A-Za-z]{2,9}\\.?(?:,\\s*|\\s+))?" + MONTH
            + "\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})(?:[\\s,]+" + TIME + ")?\\s*(.*)");
    // Also asctime-ish "Thu Jan 01 19:48:21 2004" and "Jan 01 19:48:21 GMT 2004".
    private static final Pattern ASCTIME = Pattern.compile(
            "(?:[A-Za-z]{2,9}\\s+)?" + MONTH + "\\s+(\\d{1,2})\\s+" + TIME + "\\s+(?:([A-Za-z]{1,5})\\s+)?(\\d{4})");
    private static final Pattern ISO = Pattern.compile("(\\d{4})(?:-(\\d{1,2})(?:-(\\d{1,2})(?:[Tt ]+" + TIME
            + ")?)?)?\\s*(Z|z|[+-]\\d{2}(?::?\\d{2})?|UTC|GMT|UT)?");
    private static final Pattern TWELVE_HOUR =
            Pattern.compile("\\b(\\d{1,2})(:\\d{2}(?::\\d{2}(?:[.,]\\d+)?)?)\\s*([AaPp])\\.?[Mm]\\.?(?=\\s|$)");
    private static final Pattern NUMERIC_ZONE = Pattern.compile("(?:GMT|UTC|UT)?\\s*([+-])(\\d{1,2}):?(\\d{2})?");

    /** Common zone abbreviations; ambiguous ones take their most common news meaning. */
    private static final Map<String, Integer> ZONE_MINUTES = Map.ofEntries(
            Map.entry("Z", 0),
            Map.entry("UT", 0),
            Map.entry("UTC", 0),
            Map.entry("GMT", 0),
            Map.entry("WET", 0),
            Map.entry("EST", -300),
            Map.entry("EDT", -240),
            Map.entry("CST", -360),
            Map.entry("CDT", -300),
            Map.entry("MST", -420),
            Map.entry("MDT", -360),
            Map.entry("PST", -480),
            Map.entry("PDT", -420),
            Map.entry("AKST", -540),
            Map.entry("AKDT", -480),
            Map.entry("HST", -600),
            Map.entry("AST", -240),
            Map.entry("ADT", -180),
            Map.entry("NST", -210),
            Map.entry("BST", 60),
            Map.entry("IST", 330),
            Map.entry("WEST", 60),
            Map.entry("CET", 60),
            Map.entry("MET", 60),
            Map.entry("CEST", 120),
            Map.entry("MEST", 120),
            Map.entry("EET", 120),
            Map.entry("EEST", 180),
            Map.entry("MSK", 180),
            Map.entry("PKT", 300),
            Map.entry("ICT", 420),
            Map.entry("WIB", 420),
            Map.entry("HKT", 480),
            Map.entry("SGT", 480),
            Map.entry("AWST", 480),
            Map.entry("JST", 540),
            Map.entry("KST", 540),
            Map.entry("ACST", 570),
            Map.entry("AEST", 600),
            Map.entry("AEDT", 660),
            Map.entry("NZST", 720),
            Map.entry("NZDT", 780));

    private static final Map<String, Integer> MONTHS = Map.ofEntries(
            Map.entry("jan", 1),
            Map.entry("feb", 2),
            Map.entry("mar", 3),
            Map.entry("apr", 4),
            Map.entry("may", 5),
            Map.entry("jun", 6),
            Map.entry("jul", 7),
            Map.entry("aug", 8),
            Map.entry("sep", 9),
            Map.entry("oct", 10),
            Map.entry("nov", 11),
            Map.entry("dec", 12));

    private FeedDates() {}

    /** The instant the string names, or empty when it is blank or not a date we can read. */
    static Optional<Instant> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String s = twentyFourHour(text.strip().replaceAll("\\s+", " "));
        try {
            Matcher m = ISO.matcher(s);
            if (m.matches()) {
                return iso(m);
            }
            m = RFC822.matcher(s);
            if (m.matches()) {
                return at(year(m.group(3)), month(m.group(2)), num(m.group(1)), m, 4, m.group(8));
            }
            m = MONTH_FIRST.matcher(s);
            if (m.matches()) {
                return at(num(m.group(3)), month(m.group(1)), num(m.group(2)), m, 4, m.group(8));
            }
            m = ASCTIME.matcher(s);
            if (m.matches()) {
                return at(num(m.group(8)), month(m.group(1)), num(m.group(2)), m, 3, m.group(7));
            }
        } catch (DateTimeException | IllegalArgumentException e) {
            // a day 31 in February, an hour 25: not a date
        }
        return Optional.empty();
    }

    /** "10:00 PM" becomes "22:00", "12:30 AM" becomes "00:30". */
    private static String twentyFourHour(String s) {
        Matcher m = TWELVE_HOUR.matcher(s);
        if (!m.find()) {
            return s;
        }
        int hour = num(m.group(1)) % 12 + (Character.toLowerCase(m.group(3).charAt(0)) == 'p' ? 12 : 0);
        return s.substring(0, m.start()) + hour + m.group(2) + s.substring(m.end());
    }

    private static Optional<Instant> iso(Matcher m) {
        int year = num(m.group(1));
        int month = m.group(2) == null ? 1 : num(m.group(2));
        int day = m.group(3) == null ? 1 : num(m.group(3));
        return at(year, month, day, m, 4, m.group(8));
    }

    /** Time fields are groups {@code first} to {@code first+3}: hour, minute, second, fraction. */
    private static Optional<Instant> at(int year, int month, int day, Matcher m, int first, String zoneText) {
        if (month < 1) {
            return Optional.empty();
        }
        int hour = m.group(first) == null ? 0 : num(m.group(first));
        int minute = m.group(first + 1) == null ? 0 : num(m.group(first + 1));
        int second = m.group(first + 2) == null ? 0 : num(m.group(first + 2));
        boolean leapSecond = second == 60;
        String fraction = m.group(first + 3);
        int nanos = fraction == null ? 0 : num((fraction + "00000000").substring(0, 9));
        LocalDateTime local = LocalDateTime.of(year, month, day, hour, minute, leapSecond ? 59 : second, nanos);
        Optional<ZoneId> zone = zone(zoneText);
        return zone.map(z -> local.atZone(z).toInstant().plusSeconds(leapSecond ? 1 : 0));
    }

    static Optional<ZoneId> zone(String zoneText) {
        if (zoneText == null) {
            return Optional.of(ZoneOffset.UTC);
        }
        // "(EST)", "GMT+0900 (KST)": a trailing comment in parentheses adds nothing
        String z = zoneText.replaceAll("\\(.*\\)", "").strip();
        if (z.isEmpty()) {
            return Optional.of(ZoneOffset.UTC);
        }
        Matcher n = NUMERIC_ZONE.matcher(z);
        if (n.matches()) {
            int minutes = num(n.group(2)) * 60 + (n.group(3) == null ? 0 : num(n.group(3)));
            return Optional.of(ZoneOffset.ofTotalSeconds(("-".equals(n.group(1)) ? -minutes : minutes) * 60));
        }
        String upper = z.toUpperCase(Locale.ROOT);
        Integer known = ZONE_MINUTES.get(upper);
        if (known != null) {
            return Optional.of(ZoneOffset.ofTotalSeconds(known * 60));
        }
        if (upper.length() == 1 && Character.isLetter(upper.charAt(0))) {
            // RFC 2822 4.3: military zones were given with the wrong sign in RFC 822; read as -0000
            return Optional.of(ZoneOffset.UTC);
        }
        try {
            return Optional.of(ZoneId.of(z));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    private static int month(String name) {
        if (name.length() < 3) {
            return -1;
        }
        Integer m = MONTHS.get(name.substring(0, 3).toLowerCase(Locale.ROOT));
        return m == null ? -1 : m;
    }

    private static int year(String digits) {
        int y = num(digits);
        if (digits.length() == 2) {
            // RFC 2822 4.3: 00-49 are 2000-2049, 50-99 are 1950-1999
            return y < 50 ? 2000 + y : 1900 + y;
        }
        return y;
    }

    private static int num(String digits) {
        return Integer.parseInt(digits);
    }
}
