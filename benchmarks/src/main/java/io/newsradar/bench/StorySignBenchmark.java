package io.newsradar.bench;

import io.newsradar.scoring.stories.StoryHasher;
import io.newsradar.scoring.stories.StorySettings;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Time per article of the story signature with the default settings (docs/stories-eval.md): the
 * SuperMinHash signature of the headline and body, then the band keys the band fan-out sends. With
 * {@code body=short} a wire summary of about 40 words, with {@code body=long} a 600-word article
 * (of which the signature reads the first 80 words). One operation is one article, taken round
 * robin from four.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class StorySignBenchmark {
    @Param({"short", "long"})
    public String body;

    private static final String[][] ITEMS = {
        {
            "City council approves new budget for public libraries",
            "The city council approved a new budget for public libraries after a long debate on Tuesday evening,"
                    + " extending opening hours on weekends. The mayor said the plan would be reviewed next year"
                    + " once the first figures on visitor numbers are in."
        },
        {
            "Navy orders autonomous patrol boats from small drone maker",
            "A small drone maker won a navy contract on Tuesday to build a fleet of autonomous patrol boats that"
                    + " can watch harbour entrances for weeks without a crew. The first twelve boats are due in"
                    + " the spring."
        },
        {
            "Chip maker delays its new server processor by a quarter",
            "The chip maker said its next server processor would reach customers three months later than"
                    + " planned because a late change to the memory controller needs another round of tests,"
                    + " sending its shares down four percent."
        },
        {
            "Storm closes ports along the northern coast",
            "Ports along the northern coast closed on Sunday as a storm brought winds of up to 120 kilometres"
                    + " an hour, stranding ferries and delaying cargo. Forecasters expect the wind to ease by"
                    + " Tuesday morning."
        },
    };

    private final StoryHasher hasher = new StoryHasher(StorySettings.defaults());
    private List<String[]> articles;
    private int next;

    @Setup
    public void setUp() {
        articles = java.util.Arrays.stream(ITEMS)
                .map(item -> new String[] {item[0], body.equals("short") ? item[1] : (item[1] + " ").repeat(15)})
                .toList();
    }

    @Benchmark
    public List<String> signAndBand() {
        String[] item = articles.get(next);
        next = (next + 1) % articles.size();
        return hasher.bandKeys(hasher.signature(item[0], item[1]));
    }
}
