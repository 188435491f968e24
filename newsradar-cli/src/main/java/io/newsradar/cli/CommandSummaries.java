package io.newsradar.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Help;
import picocli.CommandLine.Model.UsageMessageSpec;

/**
 * The "Commands:" list of {@code newsradar --help}: each command with the first sentence of its
 * description. picocli would show the first description line, which reads whole only if every
 * command's author ended a sentence exactly there.
 */
final class CommandSummaries implements CommandLine.IHelpSectionRenderer {

    @Override
    public String render(Help help) {
        if (help.subcommands().isEmpty()) {
            return "";
        }
        Map<String, String> rows = new LinkedHashMap<>();
        help.subcommands()
                .forEach((name, sub) -> rows.put(name, summary(sub.commandSpec().usageMessage())));
        return help.createTextTable(rows).toString();
    }

    /** The header if the command has one, else the first sentence of its description. */
    static String summary(UsageMessageSpec usage) {
        String text = String.join(" ", usage.header().length > 0 ? usage.header() : usage.description())
                .replaceAll("\\s+", " ")
                .strip();
        int end = text.indexOf(". ");
        return end < 0 ? text : text.substring(0, end + 1);
    }

    /** Puts this list in place of picocli's on {@code commandLine} and its subcommands ({@code rules ...}). */
    static void install(CommandLine commandLine) {
        commandLine.getHelpSectionMap().put(UsageMessageSpec.SECTION_KEY_COMMAND_LIST, new CommandSummaries());
        commandLine.getSubcommands().values().forEach(CommandSummaries::install);
    }
}
