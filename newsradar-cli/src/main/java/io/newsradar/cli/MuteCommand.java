package io.newsradar.cli;

import io.newsradar.schemas.mutes.MuteKind;
import io.newsradar.schemas.mutes.MuteRecord;
import io.newsradar.schemas.topics.Topics;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.producer.RecordMetadata;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "mute",
        mixinStandardHelpOptions = true,
        description = {
            "Mute a story, a source or a tag for a period, on mutes.v1: its articles are still scored and published, "
                    + "but raise no alerts, and their rationale says which mute held them.",
            "A mute covers articles whose event time (publication time) is before the end of the period. Sources and "
                    + "tags are matched without regard to case; a story by its id (the story id of its alerts). Muting "
                    + "the same thing again replaces the period and the reason. Running scoring streams follow mutes "
                    + "without a restart.",
            "Exit codes: 0 written; 1 invalid input (the argument or option is named); 2 usage; 4 the cluster could "
                    + "not be reached or did not acknowledge the write."
        })
final class MuteCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ConfigOptions options = new ConfigOptions();

    @Parameters(index = "0", paramLabel = "KIND", description = "What to mute: story, source or tag.")
    String kind;

    @Parameters(
            index = "1",
            paramLabel = "VALUE",
            description = "The story id, the outlet name (quote it if it has spaces) or the tag id.")
    String value;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Period period;

    static final class Period {
        @Option(
                names = "--for",
                paramLabel = "DURATION",
                description = "How long, from now: 1m to 366d (4h, 2d, 1h30m, PT4H).")
        String forText;

        @Option(
                names = "--until",
                paramLabel = "TIME",
                description = "The end of the period, ISO with an offset: 2026-12-01T18:00Z, 2026-12-02T03:00+09:00.")
        String untilText;
    }

    @Option(names = "--reason", paramLabel = "TEXT", description = "Why; shown in the rationale and by 'mutes'.")
    String reason;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        // whole seconds: the end of a period and its time left read as people write them
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        MuteRecord mute;
        try {
            mute = parse(kind, value, period.forText, period.untilText, reason, now);
        } catch (IllegalArgumentException e) {
            err.println("newsradar mute: " + e.getMessage());
            err.println("newsradar mute: nothing written");
            err.flush();
            return ExitCodes.FAILED;
        }
        MutesCluster cluster = MutesCluster.connect(options);
        MutesCluster.Live before = cluster.mutes((k, why) -> {}).get(mute.key());
        RecordMetadata written;
        try (TopicWriter<String, String> writer = cluster.writer()) {
            written = writer.write(null, now.toEpochMilli(), mute.key(), mute.toJson(), List.of());
        }
        out.println("muted " + MutesListCommand.line(mute, now) + "  (key " + mute.key() + ", partition "
                + written.partition() + " of " + Topics.MUTES.name()
                + (before == null
                        ? ""
                        : "; replaces the mute until " + before.mute().untilText()) + ")");
        out.flush();
        return ExitCodes.OK;
    }

    /**
     * The mute the arguments describe, at {@code now}.
     *
     * @throws IllegalArgumentException naming the argument or option and the problem
     */
    static MuteRecord parse(String kind, String value, String forText, String untilText, String reason, Instant now) {
        MuteKind k = MuteKind.of(kind)
                .orElseThrow(() ->
                        new IllegalArgumentException("KIND: must be " + MuteKind.choices() + " (got '" + kind + "')"));
        Instant until = MutePeriod.until(forText, untilText, now);
        try {
            return new MuteRecord(k, value, until, reason, now);
        } catch (IllegalArgumentException e) {
            String m = e.getMessage();
            throw new IllegalArgumentException((m.contains("reason") ? "--reason: " : "VALUE: ") + m, e);
        }
    }
}
