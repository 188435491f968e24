package io.newsradar.ingest.service;

import io.newsradar.schemas.config.NewsradarConfig;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * A feed poller in a JVM of its own, for a test that kills it (SIGKILL): no close, no leave, no
 * abort. Arguments: bootstrap servers, group, instance id, feed count, items per feed. It serves
 * the same deterministic feeds as the test's own {@link TestFeedServer} and prints one line per
 * assignment change it sees.
 */
public final class PollerChildProcess {
    private PollerChildProcess() {}

    public static void main(String[] args) throws InterruptedException {
        String bootstrap = args[0];
        String group = args[1];
        String instance = args[2];
        int feeds = Integer.parseInt(args[3]);
        int items = Integer.parseInt(args[4]);
        TestFeedServer server = new TestFeedServer();
        for (int i = 0; i < feeds; i++) {
            server.addItems(FeedPollerKillIntegrationTest.feedId(i), items);
        }
        NewsradarConfig config = PollerKafka.config(bootstrap, group, instance);
        FeedPollerService poller = new FeedPollerService(
                config, PollerSettings.from(config), server.pollFor(instance), PollEvents.NONE, Clock.systemUTC());
        poller.start();
        List<Integer> last = List.of();
        while (!poller.isStopped()) {
            List<Integer> now = poller.health().partitions().stream().sorted().toList();
            if (!now.equals(last)) {
                System.out.println("PARTITIONS " + now);
                last = now;
            }
            Thread.sleep(Duration.ofMillis(100).toMillis()); // a watch loop of a throwaway process, not a test wait
        }
        System.exit(1);
    }
}
