package io.newsradar.testsupport;

import io.newsradar.localkafka.LocalKafkaBroker;

/** The in-process KRaft broker in a temp dir: no Docker needed, deleted when the JVM ends. */
final class InProcessBroker implements TestBroker {

    private final LocalKafkaBroker broker;

    private InProcessBroker(LocalKafkaBroker broker) {
        this.broker = broker;
    }

    static InProcessBroker start() {
        return new InProcessBroker(LocalKafkaBroker.startTemporary());
    }

    @Override
    public String bootstrapServers() {
        return broker.bootstrapServers();
    }

    @Override
    public String description() {
        return "in-process KRaft broker at " + broker.bootstrapServers() + " (ready in "
                + broker.startupTime().toMillis() + " ms, data in " + broker.dataDir() + ")";
    }

    @Override
    public void close() {
        broker.close();
    }
}
