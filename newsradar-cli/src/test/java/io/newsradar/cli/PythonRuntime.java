package io.newsradar.cli;

import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Finds a Python 3 that can import the example consumer's modules (Debian's python3-confluent-kafka
 * and python3-avro). Locally a missing one skips the test with the reason; in CI ({@code
 * NEWSRADAR_CI=1}, set by {@code .ci/run}, which installs them) it fails, so the test cannot pass by
 * skipping there.
 */
final class PythonRuntime {
    static final String CI_VARIABLE = "NEWSRADAR_CI";
    static final String OVERRIDE_VARIABLE = "NEWSRADAR_PYTHON";
    private static final String PROBE = "import confluent_kafka, avro.schema, avro.io";

    private PythonRuntime() {}

    /** The interpreter to run, or the test skipped (locally) or failed (in CI) with the reason. */
    static String requireWithModules() {
        Optional<String> found = find();
        if (found.isPresent()) {
            return found.get();
        }
        String reason = "no python3 that can `" + PROBE + "` (tried " + candidates() + "; Debian: apt-get install "
                + "python3-confluent-kafka python3-avro, which .ci/run installs)";
        if ("1".equals(System.getenv(CI_VARIABLE))) {
            fail(CI_VARIABLE + "=1 and " + reason + ": CI must run the Python consumer test, not skip it");
        }
        assumeTrue(false, reason + ", so the Python example consumer cannot be checked here");
        throw new IllegalStateException("unreachable");
    }

    static Optional<String> find() {
        return candidates().stream().filter(PythonRuntime::canImport).findFirst();
    }

    /** $NEWSRADAR_PYTHON first, then Debian's own interpreter (the packages install for it), then PATH. */
    private static List<String> candidates() {
        List<String> list = new ArrayList<>();
        String override = System.getenv(OVERRIDE_VARIABLE);
        if (override != null && !override.isBlank()) {
            list.add(override);
        }
        list.add("/usr/bin/python3");
        list.add("python3");
        return list;
    }

    private static boolean canImport(String python) {
        try {
            Process p = new ProcessBuilder(python, "-c", PROBE)
                    .redirectErrorStream(true)
                    .start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
