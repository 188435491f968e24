package io.newsradar.ingest.poll;

import io.newsradar.schemas.config.Secrets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Text about a feed (its URL, an error message naming it) in the form that may be logged or
 * stored in {@code feeds.state.v1}: the whole user info of a URL hidden (a token is often the
 * user name alone), then {@link Secrets#scrub} (passwords, {@code token=} and similar query
 * parameters).
 */
final class LogSafe {
    private static final Pattern USER_INFO = Pattern.compile("(://)[^/\\s@?#]+@");

    private LogSafe() {}

    static String text(String text) {
        if (text == null) {
            return null;
        }
        String s = USER_INFO.matcher(text).replaceAll("$1" + Matcher.quoteReplacement(Secrets.REDACTED) + "@");
        return Secrets.scrub(s);
    }
}
