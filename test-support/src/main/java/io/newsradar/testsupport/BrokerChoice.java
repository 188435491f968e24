package io.newsradar.testsupport;

import java.util.Locale;
import java.util.function.BooleanSupplier;

/**
 * Which broker the test JVM uses. {@value #PROPERTY} = {@code testcontainers} demands a
 * container (failing to start is an error), {@code inprocess} demands the in-process broker, and
 * anything unset ({@code auto}) takes a container only when a Docker engine answers.
 */
enum BrokerChoice {
    TESTCONTAINERS_REQUIRED,
    TESTCONTAINERS_PREFERRED,
    IN_PROCESS;

    static final String PROPERTY = "newsradar.test.broker";

    /**
     * @param property the value of {@value #PROPERTY}, or null when unset
     * @param dockerAvailable asked only in auto mode, since probing Docker can be slow
     */
    static BrokerChoice choose(String property, BooleanSupplier dockerAvailable) {
        String value = property == null ? "auto" : property.trim().toLowerCase(Locale.ROOT);
        switch (value) {
            case "testcontainers":
                return TESTCONTAINERS_REQUIRED;
            case "inprocess":
                return IN_PROCESS;
            case "":
            case "auto":
                return dockerAvailable.getAsBoolean() ? TESTCONTAINERS_PREFERRED : IN_PROCESS;
            default:
                throw new IllegalArgumentException("-D" + PROPERTY + "=" + property
                        + " is not a broker choice: use testcontainers, inprocess or auto (the default)");
        }
    }
}
