package io.newsradar.cli;

import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionStrategy;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * {@code newsradar <unknown>} is a usage error, also when {@code --help} follows it: picocli skips
 * its check for unmatched arguments once help is asked for, and would print the top-level help and
 * exit 0, so a typo in a script went unnoticed.
 */
final class UnknownCommand {
    private UnknownCommand() {}

    /** Reports an unknown first word as an unknown command; anything else goes to {@code fallback}. */
    static IParameterExceptionHandler reporting(IParameterExceptionHandler fallback) {
        return (ex, args) -> {
            if (ex instanceof UnmatchedArgumentException unmatched) {
                String word = unknownCommand(ex.getCommandLine(), unmatched.getUnmatched());
                if (word != null) {
                    int code = refuse(ex.getCommandLine(), word);
                    UnmatchedArgumentException.printSuggestions(
                            unmatched, ex.getCommandLine().getErr());
                    return code;
                }
            }
            return fallback.handleParseException(ex, args);
        };
    }

    /** Refuses a parse that asked for help but left an unknown command unmatched; else runs {@code next}. */
    static IExecutionStrategy refusing(IExecutionStrategy next) {
        return parseResult -> {
            String word = unknownCommand(parseResult.commandSpec().commandLine(), parseResult.unmatched());
            if (word != null) {
                return refuse(parseResult.commandSpec().commandLine(), word);
            }
            return next.execute(parseResult);
        };
    }

    /** The unknown command word, when the top-level command was given a word it has no command for. */
    private static String unknownCommand(CommandLine commandLine, List<String> unmatched) {
        if (commandLine.getParent() != null || unmatched.isEmpty()) {
            return null;
        }
        String first = unmatched.get(0);
        return first.startsWith("-") ? null : first;
    }

    private static int refuse(CommandLine top, String word) {
        PrintWriter err = top.getErr();
        err.println("newsradar: unknown command '" + word + "'");
        top.usage(err, top.getColorScheme());
        err.flush();
        return ExitCodes.USAGE;
    }
}
