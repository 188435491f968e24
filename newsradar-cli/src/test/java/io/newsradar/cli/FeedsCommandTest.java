package io.newsradar.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code feeds} commands without a broker: input checks and exit codes (the writer: FeedListPublisherTest). */
class FeedsCommandTest {

    private static RulesCommandTest.Run add(String... args) {
        String[] all = new String[args.length + 4];
        all[0] = "feeds";
        all[1] = "add";
        // never contacted: invalid input is refused before the cluster
        all[2] = "-b";
        all[3] = "127.0.0.1:1";
        System.arraycopy(args, 0, all, 4, args.length);
        return RulesCommandTest.run(all);
    }

    @Test
    void anInvalidWeightIsRefusedNamingTheOption() {
        RulesCommandTest.Run r = add("https://news.example.com/feed.xml", "--weight", "9");
        assertThat(r.code()).isEqualTo(ExitCodes.FAILED);
        assertThat(r.err())
                .contains("newsradar feeds add: --weight: must be a number between -5.0 and 5.0 (got 9.0)")
                .contains("nothing written");

        assertThat(add("https://news.example.com/feed.xml", "--weight", "heavy").err())
                .contains("--weight: must be a number between -5.0 and 5.0 (got \"heavy\")");
    }

    @Test
    void anInvalidIntervalIsRefusedNamingTheOption() {
        RulesCommandTest.Run r = add("https://news.example.com/feed.xml", "--interval", "5s");
        assertThat(r.code()).isEqualTo(ExitCodes.FAILED);
        assertThat(r.err()).contains("--interval: must be between 1m and 1d (got '5s')");

        assertThat(add("https://news.example.com/feed.xml", "--interval", "soon")
                        .err())
                .contains("--interval: must be a duration like 15m, 1h30m or PT15M (got 'soon')");
    }

    @Test
    void anInvalidUrlIsRefusedNamingIt() {
        RulesCommandTest.Run r = add("ftp://news.example.com/feed.xml");
        assertThat(r.code()).isEqualTo(ExitCodes.FAILED);
        assertThat(r.err()).contains("newsradar feeds add: URL: must be an http(s) URL or a file path");

        assertThat(add("https://user:secret@news.example.com/feed.xml").err())
                .contains("URL: must not carry a user name or password")
                .doesNotContain("secret");
    }

    @Test
    void anInvalidTagOrIdIsRefusedNamingTheOption() {
        RulesCommandTest.Run r = add("https://news.example.com/feed.xml", "--tag", "Defense AI", "--id", "NO");
        assertThat(r.code()).isEqualTo(ExitCodes.FAILED);
        assertThat(r.err())
                .contains("--tag: must be a tag id: lower-case letters, digits and '-'")
                .contains("--id: must be 1 to 64 lower-case letters, digits and '-' (got 'NO')");
    }

    @Test
    void anUnreachableClusterExitsWithTheInfrastructureCode(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("short-timeouts.properties");
        // the admin step's wait is bounded by the client's own timeout setting
        Files.writeString(config, "kafka.request.timeout.ms=1000\nkafka.default.api.timeout.ms=2000\n");
        try (ServerSocket silent = new ServerSocket()) {
            silent.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            String bootstrap = "127.0.0.1:" + silent.getLocalPort();
            for (String[] args : new String[][] {
                {"feeds", "list", "-b", bootstrap, "--config", config.toString()},
                {"feeds", "add", "-b", bootstrap, "--config", config.toString(), "https://news.example.com/rss"},
                {"feeds", "remove", "-b", bootstrap, "--config", config.toString(), "--no-create-topics", "f-1"}
            }) {
                RulesCommandTest.Run r = RulesCommandTest.run(args);

                assertThat(r.code()).as(String.join(" ", args) + "\n" + r.err()).isEqualTo(ExitCodes.INFRASTRUCTURE);
                assertThat(r.err()).contains("newsradar feeds").contains(bootstrap);
            }
        }
    }
}
