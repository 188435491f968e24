package io.newsradar.cli;

/**
 * The exit codes of every command, one meaning each, so a supervisor or a script can tell bad
 * input from a broken cluster. picocli uses 2 for a usage error.
 */
final class ExitCodes {
    /** Done, nothing rejected. */
    static final int OK = 0;
    /** The command failed, or its service stopped by itself (see the message). */
    static final int FAILED = 1;
    /** Wrong options or arguments (picocli's own code). */
    static final int USAGE = 2;
    /** Some input was rejected (reported with file and line); the rest was processed. */
    static final int SOME_REJECTED = 3;
    /** Infrastructure: the broker or a topic could not be reached in time, a file could not be written. */
    static final int INFRASTRUCTURE = 4;

    private ExitCodes() {}
}
