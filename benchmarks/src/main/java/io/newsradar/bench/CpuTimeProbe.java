package io.newsradar.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;

/**
 * CPU time per article of {@link TagAndScoreBenchmark#evaluate}, for comparing two versions on a
 * busy machine: JMH measures wall time, which other processes stretch; the CPU time of the
 * measuring thread is stretched far less. Not a replacement for the JMH numbers of the docs.
 *
 * <p>{@code java -cp benchmarks/target/benchmarks.jar io.newsradar.bench.CpuTimeProbe RULES
 * ARTICLES [SECONDS] [evaluate|tag]}: warms up for SECONDS (default 10) of CPU time, then measures
 * as long and prints µs of CPU time per article.
 */
public final class CpuTimeProbe {
    private CpuTimeProbe() {}

    public static void main(String[] args) {
        TagAndScoreBenchmark bench = new TagAndScoreBenchmark();
        bench.rules = args.length > 0 ? args[0] : "generated-1000";
        bench.articles = args.length > 1 ? args[1] : "mix";
        long seconds = args.length > 2 ? Long.parseLong(args[2]) : 10;
        boolean tagOnly = args.length > 3 && args[3].equals("tag");
        bench.setUp();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        run(bench, threads, seconds, tagOnly);
        long ops = 0;
        long start = threads.getCurrentThreadCpuTime();
        long wallStart = System.nanoTime();
        long spent;
        Object sink = null;
        do {
            for (int i = 0; i < 64; i++) {
                sink = tagOnly ? bench.tag() : bench.evaluate();
            }
            ops += 64;
            spent = threads.getCurrentThreadCpuTime() - start;
        } while (spent < seconds * 1_000_000_000L);
        long wall = System.nanoTime() - wallStart;
        System.out.printf(
                Locale.ROOT,
                "%s %s %s: %.1f us CPU per article, %.1f us wall (%d articles)%s%n",
                tagOnly ? "tag" : "evaluate",
                bench.rules,
                bench.articles,
                spent / 1_000.0 / ops,
                wall / 1_000.0 / ops,
                ops,
                sink == null ? "?" : "");
        // exit: an engine left open keeps a housekeeping thread alive
        System.exit(0);
    }

    private static void run(TagAndScoreBenchmark bench, ThreadMXBean threads, long seconds, boolean tagOnly) {
        long start = threads.getCurrentThreadCpuTime();
        while (threads.getCurrentThreadCpuTime() - start < seconds * 1_000_000_000L) {
            for (int i = 0; i < 64; i++) {
                Object o = tagOnly ? bench.tag() : bench.evaluate();
            }
        }
    }
}
