package io.newsradar.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code newsradar parse-feed}: feeds to normalised articles as JSON lines, without Kafka. */
class ParseFeedCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FETCHED_AT = "2026-04-20T12:00:00Z";

    @TempDir
    Path dir;

    private Path rss() throws Exception {
        return Files.writeString(dir.resolve("local.xml"), """
                <rss version="2.0"><channel><title>Valley Post</title><link>https://post.example.com/</link>
                <description>d</description>
                <item><title>First</title><link>https://post.example.com/1</link>
                <pubDate>Mon, 03 Mar 2025 08:15:00 GMT</pubDate><description>one</description></item>
                <item><title>Second</title><link>https://post.example.com/2</link><description>two</description></item>
                </channel></rss>
                """);
    }

    private Path jsonFeed() throws Exception {
        return Files.writeString(dir.resolve("notes.json"), """
                {"version":"https://jsonfeed.org/version/1.1","title":"Notes","items":[
                 {"id":"a","url":"https://notes.example.com/a","title":"Only","content_text":"text"}]}
                """);
    }

    @Test
    void shouldPrintEveryArticleOfEveryFeedInFeedOrderNamingItsFeed() throws Exception {
        Path rss = rss();
        Path json = jsonFeed();

        Run run = run("parse-feed", "--fetched-at", FETCHED_AT, rss.toString(), json.toString());

        assertThat(run.code).as(run.err).isEqualTo(ExitCodes.OK);
        List<JsonNode> lines = jsonLines(run.out);
        assertThat(lines)
                .extracting(l -> l.get("feed").asText())
                .containsExactly(rss.toString(), rss.toString(), json.toString());
        assertThat(lines)
                .extracting(l -> l.get("article").get("title").asText())
                .containsExactly("First", "Second", "Only");
        JsonNode first = lines.get(0).get("article");
        assertThat(first.get("source").asText()).isEqualTo("Valley Post");
        assertThat(first.get("url").asText()).isEqualTo("https://post.example.com/1");
        assertThat(first.get("id").asText()).isNotBlank();
        assertThat(first.get("fetchedAt").asText()).as(first.toString()).isEqualTo(FETCHED_AT);
    }

    @Test
    void shouldReportAFeedThatCannotBeReadOnOneLineAndGoOnWithTheNext() throws Exception {
        Path html = Files.writeString(dir.resolve("page.html"), "<!DOCTYPE html><html><body>hi</body></html>");
        Path missing = dir.resolve("missing.xml");
        Path rss = rss();

        Run run = run("parse-feed", "--fetched-at", FETCHED_AT, html.toString(), missing.toString(), rss.toString());

        assertThat(run.code).isEqualTo(ExitCodes.FAILED);
        List<JsonNode> lines = jsonLines(run.out);
        assertThat(lines).hasSize(4);
        assertThat(lines.get(0).get("feed").asText()).isEqualTo(html.toString());
        assertThat(lines.get(0).get("error").asText()).isEqualTo("an HTML page, not a feed");
        assertThat(lines.get(0).has("article")).isFalse();
        assertThat(lines.get(1).get("error").asText()).startsWith("feed file not found: ");
        assertThat(lines.subList(2, 4))
                .allSatisfy(l -> assertThat(l.get("feed").asText()).isEqualTo(rss.toString()));
    }

    @Test
    void shouldListAnItemThatDoesNotNormaliseAndExitWithSomeRejected() throws Exception {
        Path feed = Files.writeString(dir.resolve("bad-item.xml"), """
                <rss version="2.0"><channel><title>T</title><link>https://t.example.com/</link><description>d</description>
                <item><link>https://t.example.com/empty</link></item>
                <item><title>Fine</title><link>https://t.example.com/fine</link></item>
                </channel></rss>
                """);

        Run run = run("parse-feed", feed.toString());

        assertThat(run.code).isEqualTo(ExitCodes.SOME_REJECTED);
        List<JsonNode> lines = jsonLines(run.out);
        assertThat(lines.get(0).get("article").get("title").asText()).isEqualTo("Fine");
        assertThat(lines.get(1).get("item").asInt()).isEqualTo(1);
        assertThat(lines.get(1).get("error").asText()).isEqualTo("title and body are both empty");
    }

    @Test
    void shouldReadAFeedFromAnHttpUrl() throws Exception {
        byte[] body = Files.readAllBytes(jsonFeed());
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/feed.json", ex -> {
            ex.getResponseHeaders().add("Content-Type", "application/feed+json");
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        server.start();
        try {
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/feed.json";

            Run run = run("parse-feed", url);

            assertThat(run.code).as(run.err).isEqualTo(ExitCodes.OK);
            JsonNode line = jsonLines(run.out).get(0);
            assertThat(line.get("feed").asText()).isEqualTo(url);
            assertThat(line.get("article").get("feedUrl").asText()).isEqualTo(url);
            assertThat(line.get("article").get("title").asText()).isEqualTo("Only");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void shouldBeListedInTheHelp() {
        Run run = run("--help");
        assertThat(run.out).contains("parse-feed").contains("Read feeds and print their normalised articles");
    }

    private static List<JsonNode> jsonLines(String out) throws Exception {
        List<JsonNode> nodes = new ArrayList<>();
        for (String line : out.split("\n")) {
            if (!line.isBlank()) {
                nodes.add(JSON.readTree(line));
            }
        }
        return nodes;
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Newsradar.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    private record Run(int code, String out, String err) {}
}
