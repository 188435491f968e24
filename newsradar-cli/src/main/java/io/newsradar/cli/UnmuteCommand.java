package io.newsradar.cli;

import io.newsradar.schemas.mutes.MuteKind;
import io.newsradar.schemas.mutes.MuteRecord;
import io.newsradar.schemas.topics.Topics;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "unmute",
        mixinStandardHelpOptions = true,
        description = {
            "End a mute before its period is over: a tombstone under its key on mutes.v1. Running scoring streams "
                    + "alert on its articles again from the next article on; articles scored while it held are not "
                    + "scored again.",
            "An expired mute can be unmuted too, which takes it off the topic.",
            "Exit codes: 0 unmuted; 1 invalid input or no such mute; 2 usage; 4 the cluster could not be reached or "
                    + "did not acknowledge the write."
        })
final class UnmuteCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ConfigOptions options = new ConfigOptions();

    @Parameters(index = "0", paramLabel = "KIND", description = "story, source or tag.")
    String kind;

    @Parameters(index = "1", paramLabel = "VALUE", description = "As given to 'mute' (sources and tags in any case).")
    String value;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String key;
        try {
            key = key(kind, value);
        } catch (IllegalArgumentException e) {
            err.println("newsradar unmute: " + e.getMessage());
            err.flush();
            return ExitCodes.FAILED;
        }
        MutesCluster cluster = MutesCluster.connect(options);
        MutesCluster.Live live = cluster.mutes((k, why) -> {}).get(key);
        if (live == null) {
            err.println("newsradar unmute: no mute " + key + " on " + Topics.MUTES.name()
                    + " (see 'newsradar mutes --all'); nothing written");
            err.flush();
            return ExitCodes.FAILED;
        }
        // whole seconds: the end of a period and its time left read as people write them
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        try (TopicWriter<String, String> writer = cluster.writer()) {
            // the partition the key hashes to now, and any other it is still live on (the partition
            // count was raised after the mute was written): every copy ends in a tombstone
            writer.write(null, now.toEpochMilli(), key, null, List.of());
            for (int p : live.partitions()) {
                writer.write(p, now.toEpochMilli(), key, null, List.of());
            }
        }
        MuteRecord mute = live.mute();
        out.println("unmuted " + mute.kind().word() + " " + mute.value()
                + (mute.covers(now) ? " (was muted until " : " (had expired at ") + mute.untilText() + ")");
        out.flush();
        return ExitCodes.OK;
    }

    /** The {@code mutes.v1} key the arguments name. */
    static String key(String kind, String value) {
        MuteKind k = MuteKind.of(kind)
                .orElseThrow(() ->
                        new IllegalArgumentException("KIND: must be " + MuteKind.choices() + " (got '" + kind + "')"));
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("VALUE: must not be blank");
        }
        return MuteRecord.key(k, value);
    }
}
