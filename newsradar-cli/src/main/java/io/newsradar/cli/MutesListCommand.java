package io.newsradar.cli;

import io.newsradar.schemas.mutes.MuteRecord;
import io.newsradar.schemas.topics.Topics;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "mutes",
        mixinStandardHelpOptions = true,
        description = {
            "List the mutes in force on mutes.v1, soonest to end first: kind, value, end of the period, time left, "
                    + "reason, and when it was set.",
            "A mute's period is compared with the wall clock here; the scoring stream compares it with each "
                    + "article's event time.",
            "Exit codes: 0 done; 4 the cluster could not be reached."
        })
final class MutesListCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ConfigOptions options = new ConfigOptions();

    @Option(names = "--all", description = "Also list expired mutes still on the topic (until unmuted or compacted).")
    boolean all;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        MutesCluster cluster = MutesCluster.connect(options);
        List<String> bad = new ArrayList<>();
        List<MuteRecord> mutes = new ArrayList<>();
        cluster.mutes((key, why) -> bad.add(key + ": " + why)).values().forEach(l -> mutes.add(l.mute()));
        // whole seconds: the end of a period and its time left read as people write them
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        List<MuteRecord> shown = mutes.stream()
                .filter(m -> all || m.covers(now))
                .sorted(Comparator.comparing(MuteRecord::until).thenComparing(m -> m.key()))
                .toList();
        long expired = mutes.stream().filter(m -> !m.covers(now)).count();
        if (shown.isEmpty()) {
            out.println("no mutes in force on " + Topics.MUTES.name()
                    + (expired > 0 && !all ? " (" + expired + " expired; --all lists them)" : ""));
        } else {
            out.println(shown.size() + (shown.size() == 1 ? " mute" : " mutes") + (all ? "" : " in force") + " on "
                    + Topics.MUTES.name() + ":");
            shown.forEach(m -> out.println(line(m, now) + "  set " + MuteRecord.text(m.createdAt())));
            if (!all && expired > 0) {
                out.println("(" + expired + " expired; --all lists them)");
            }
        }
        bad.forEach(b -> err.println("newsradar mutes: unreadable " + Topics.MUTES.name() + " record, skipped: " + b));
        out.flush();
        err.flush();
        return ExitCodes.OK;
    }

    /** "tag defense  until 2026-12-01T18:00Z (3h 20m left)  reason: drill week". */
    static String line(MuteRecord m, Instant now) {
        return m.kind().word() + " " + m.value() + "  until " + m.untilText() + " (" + MutePeriod.left(m.until(), now)
                + ")" + (m.reason().isEmpty() ? "" : "  reason: " + m.reason());
    }
}
