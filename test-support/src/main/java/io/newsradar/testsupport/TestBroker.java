package io.newsradar.testsupport;

/** A running broker for tests, whatever starts it; no Testcontainers type appears here. */
interface TestBroker extends AutoCloseable {

    String bootstrapServers();

    /** For the log line that says which broker the tests run against. */
    String description();

    @Override
    void close();
}
