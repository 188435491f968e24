package io.newsradar.cli;

import io.newsradar.schemas.topics.Topics;
import io.newsradar.scoring.ruleset.Publication;
import io.newsradar.scoring.ruleset.RulesetLog;
import io.newsradar.scoring.ruleset.RulesetRecord;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "history",
        mixinStandardHelpOptions = true,
        description = {
            "List every publication on rules.v1, oldest first: sequence, rules version, when, who, note, what a "
                    + "rollback restored, and whether the scoring stream accepts it (a rejected one says why).",
            "The ruleset in force is the valid publication with the highest sequence; it is marked 'in force'."
        })
final class RulesHistoryCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ConfigOptions options = new ConfigOptions();

    @Parameters(
            index = "0",
            arity = "0..1",
            paramLabel = "NAME",
            description = "Only this ruleset (the bundle's name); default: every ruleset.")
    String name;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        RulesetLog log = RulesCluster.connect(options).log();
        List<String> names = name != null ? List.of(name) : List.copyOf(log.names());
        if (names.isEmpty() || (name != null && log.publications(name).isEmpty())) {
            out.println("no publications" + (name == null ? "" : " of ruleset " + name) + " on " + Topics.RULES.name());
        }
        for (String n : names) {
            List<Publication> own = log.publications(n);
            if (own.isEmpty()) {
                continue;
            }
            Optional<Publication> active = log.active(n);
            out.println("ruleset " + n + ": " + own.size() + (own.size() == 1 ? " publication" : " publications")
                    + active.map(a -> ", in force: " + a.sequence() + " (" + a.version() + ")")
                            .orElse(", none valid"));
            for (Publication p : own) {
                out.println("  " + line(p, active.map(a -> a == p).orElse(false)));
                if (!p.valid()) {
                    out.println("      rejected: " + p.problem().replace("\n", "\n      "));
                }
            }
        }
        List<Publication> strays =
                log.publications().stream().filter(p -> p.name() == null).toList();
        if (name == null && !strays.isEmpty()) {
            out.println("records with keys of another shape (the scoring stream ignores them):");
            strays.forEach(p -> out.println("  " + p.key() + ": " + p.problem()));
        }
        out.flush();
        return ExitCodes.OK;
    }

    /** One publication: sequence, version, when, who, note, rollback, validity. */
    static String line(Publication p, boolean inForce) {
        RulesetRecord r = p.record();
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(java.util.Locale.ROOT, "%4d  %-24s", p.sequence(), p.version()));
        if (r != null) {
            sb.append("  ")
                    .append(r.publishedAt())
                    .append("  ")
                    .append(r.publishedBy().isEmpty() ? "?" : r.publishedBy());
        }
        sb.append("  ").append(p.valid() ? (inForce ? "in force" : "valid") : "INVALID");
        if (r != null && r.rolledBackFrom() != null) {
            sb.append("  rollback to ").append(r.rolledBackFrom());
        }
        if (r != null && !r.note().isEmpty()) {
            sb.append("  \"").append(r.note()).append('"');
        }
        return sb.toString();
    }
}
