package io.newsradar.cli;

import java.util.OptionalInt;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** The {@code --http-port} option of the long-running services ({@code score}, {@code sink}). */
final class HttpPortOption {
    private HttpPortOption() {}

    /** The option as given (empty when absent: the setting http.port, else the service's default). */
    static OptionalInt of(CommandSpec spec, Integer port) {
        if (port == null) {
            return OptionalInt.empty();
        }
        if (port < 0 || port > 65535) {
            throw new ParameterException(spec.commandLine(), "--http-port must be between 0 and 65535");
        }
        return OptionalInt.of(port);
    }

    /** The line a service prints once its server serves. */
    static String banner(int port) {
        return "HTTP at http://127.0.0.1:" + port + "/ (GET /health, /ready, /metrics)";
    }
}
