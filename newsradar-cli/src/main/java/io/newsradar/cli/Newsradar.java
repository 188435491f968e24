package io.newsradar.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The one executable: {@code newsradar <subcommand>}. */
@Command(
        name = "newsradar",
        mixinStandardHelpOptions = true,
        versionProvider = Newsradar.Version.class,
        description = "Kafka stream-processing pipeline for news intelligence.",
        subcommands = {
            DemoCommand.class,
            BrokerCommand.class,
            IngestCommand.class,
            ScoreCommand.class,
            SinkCommand.class,
            TailCommand.class,
            CommandLine.HelpCommand.class
        })
public final class Newsradar implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The configured command line, also used by tests to run subcommands in-process. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Newsradar());
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            // a clear one-line message for the user; the stack trace only at debug level
            commandLine.getErr().println("newsradar " + commandLine.getCommandName() + ": " + describe(ex));
            org.slf4j.LoggerFactory.getLogger(Newsradar.class).debug("command failed", ex);
            return 1;
        });
        return cl;
    }

    static String describe(Throwable ex) {
        StringBuilder sb = new StringBuilder(String.valueOf(ex.getMessage()));
        for (Throwable c = ex.getCause(); c != null && c != c.getCause(); c = c.getCause()) {
            if (c.getMessage() != null && !sb.toString().contains(c.getMessage())) {
                sb.append(": ").append(c.getMessage());
            }
        }
        return sb.toString();
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Newsradar.class.getPackage().getImplementationVersion();
            return new String[] {"newsradar " + (v == null ? "(development build)" : v)};
        }
    }
}
