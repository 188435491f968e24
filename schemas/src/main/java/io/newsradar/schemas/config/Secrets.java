package io.newsradar.schemas.config;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which settings are secrets, and their printable form. Anything of ours that prints or logs a
 * setting (a config's text form, an error about a value) goes through here. Kafka's own clients
 * mask their {@code PASSWORD}-typed settings themselves; this covers ours and every other key.
 */
public final class Secrets {
    /** What a secret value prints as. */
    public static final String REDACTED = "[redacted]";

    /** Key words that make a setting secret wherever they appear in its key (after normalising separators). */
    private static final List<String> SECRET_KEY_WORDS = List.of(
            "password",
            "passwd",
            "secret",
            "token",
            "jaas",
            "credential",
            "basic.auth",
            "user.info",
            "api.key",
            "apikey",
            "private.key",
            "signing.key",
            "keystore.key",
            "webhook.key",
            "hmac");

    /** A JAAS login module entry: {@code some.LoginModule required key="value" ...;}. */
    private static final Pattern JAAS_ENTRY = Pattern.compile(
            "[\\w.$]*LoginModule\\s+(?:required|requisite|sufficient|optional)\\b[^;]*;?", Pattern.CASE_INSENSITIVE);
    /** The password part of a URL's user info: {@code scheme://user:PASSWORD@host}. */
    private static final Pattern URL_PASSWORD = Pattern.compile("(://[^/\\s:@]*:)[^/\\s@]+@");
    /** {@code key=value} or {@code key: value} in free text, for a key that names a secret. */
    private static final Pattern SECRET_ASSIGNMENT = Pattern.compile(
            "([\\w.\\-]*(?:password|passwd|secret|token|jaas\\.config|user\\.info|api[.\\-_]?key|"
                    + "signing\\.key|webhook\\.key)[\\w.\\-]*\"?\\s*[=:]\\s*)(\"[^\"]*\"|'[^']*'|[^\\s,;}\\]]+)",
            Pattern.CASE_INSENSITIVE);

    private Secrets() {}

    /**
     * True for a key whose value is a credential: passwords, secrets, tokens, JAAS configs, basic
     * auth, API and webhook signing keys, private keys. Separators ({@code _ -}) count as dots.
     */
    public static boolean isSecretKey(String key) {
        String k = key.toLowerCase(Locale.ROOT).replace('_', '.').replace('-', '.');
        if (SECRET_KEY_WORDS.stream().anyMatch(k::contains)) {
            return true;
        }
        // "sink.webhook.key", "push.key": a setting named just "key" is a key, unlike "key.serializer"
        return k.equals("key") || k.endsWith(".key");
    }

    /** The printable form of one setting: hidden when the key is secret or the value looks like a credential. */
    public static String redact(String key, String value) {
        if (value == null) {
            return null;
        }
        if (isSecretKey(key) || JAAS_ENTRY.matcher(value).find()) {
            return REDACTED;
        }
        return URL_PASSWORD.matcher(value).replaceAll("$1" + Matcher.quoteReplacement(REDACTED) + "@");
    }

    /** A sorted copy of {@code settings} with every secret value hidden, for printing. */
    public static Map<String, String> redact(Map<String, ?> settings) {
        Map<String, String> printable = new TreeMap<>();
        settings.forEach((k, v) -> printable.put(k, redact(k, v == null ? null : String.valueOf(v))));
        return printable;
    }

    /**
     * Free text (an exception message) with what looks like a credential hidden: JAAS entries,
     * {@code password=...}-style assignments, passwords in URLs. A safety net for messages we do
     * not write ourselves; our own messages never include secret values in the first place.
     */
    public static String scrub(String text) {
        if (text == null) {
            return null;
        }
        String s = JAAS_ENTRY.matcher(text).replaceAll(Matcher.quoteReplacement(REDACTED));
        s = SECRET_ASSIGNMENT.matcher(s).replaceAll("$1" + Matcher.quoteReplacement(REDACTED));
        return URL_PASSWORD.matcher(s).replaceAll("$1" + Matcher.quoteReplacement(REDACTED) + "@");
    }
}
