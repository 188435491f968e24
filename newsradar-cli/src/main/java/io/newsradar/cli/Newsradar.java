package io.newsradar.cli;

import io.newsradar.ingest.service.FeedListUnwrittenException;
import io.newsradar.localkafka.BrokerUnreachableException;
import io.newsradar.schemas.config.Secrets;
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
            ParseFeedCommand.class,
            ScoreCommand.class,
            SinkCommand.class,
            TailCommand.class,
            ExplainCommand.class,
            RulesCommand.class,
            FeedsCommand.class,
            MuteCommand.class,
            UnmuteCommand.class,
            MutesListCommand.class,
            RetractCommand.class,
            DlqCommand.class,
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
        CommandSummaries.install(cl);
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            // a clear one-line message for the user; the stack trace only at debug level
            // the whole command path ("newsradar rules publish"), not just the last word
            commandLine.getErr().println(commandLine.getCommandSpec().qualifiedName() + ": " + describe(ex));
            org.slf4j.LoggerFactory.getLogger(Newsradar.class).debug("command failed", ex);
            return exitCodeOf(ex);
        });
        cl.setParameterExceptionHandler(UnknownCommand.reporting(cl.getParameterExceptionHandler()));
        cl.setExecutionStrategy(UnknownCommand.refusing(new CommandLine.RunLast()));
        return cl;
    }

    /** The exit code for a command that failed with {@code ex}: broker trouble is told apart from the rest. */
    static int exitCodeOf(Throwable ex) {
        for (Throwable c = ex; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof BrokerUnreachableException
                    || c instanceof FeedListUnwrittenException
                    || c instanceof ClusterWriteException) {
                return ExitCodes.INFRASTRUCTURE;
            }
        }
        return ExitCodes.FAILED;
    }

    /** The message and its causes' messages, once each, with anything that looks like a credential hidden. */
    static String describe(Throwable ex) {
        StringBuilder sb = new StringBuilder(String.valueOf(ex.getMessage()));
        for (Throwable c = ex.getCause(); c != null && c != c.getCause(); c = c.getCause()) {
            if (c.getMessage() != null && !sb.toString().contains(c.getMessage())) {
                sb.append(": ").append(c.getMessage());
            }
        }
        return Secrets.scrub(sb.toString());
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
