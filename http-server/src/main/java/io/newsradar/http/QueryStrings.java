package io.newsradar.http;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Raw query strings, edited without decoding what stays. */
final class QueryStrings {
    private QueryStrings() {}

    /** {@code query} without every parameter named {@code name} (however it is percent-encoded). */
    static String without(String query, String name) {
        if (query == null || query.isEmpty()) {
            return "";
        }
        List<String> kept = new ArrayList<>();
        for (String part : query.split("&")) {
            if (part.isEmpty()) {
                continue;
            }
            int eq = part.indexOf('=');
            String rawName = eq < 0 ? part : part.substring(0, eq);
            String decoded;
            try {
                decoded = URLDecoder.decode(rawName, StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                // not valid percent-encoding: not our parameter, kept as it came
                decoded = rawName;
            }
            if (!decoded.equals(name)) {
                kept.add(part);
            }
        }
        return String.join("&", kept);
    }
}
