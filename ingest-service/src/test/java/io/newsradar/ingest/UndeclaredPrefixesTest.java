package io.newsradar.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UndeclaredPrefixesTest {
    @Test
    void shouldDeclareWellKnownAndUnknownPrefixesOnTheRoot() {
        String xml =
                "<?xml version=\"1.0\"?><!-- c --><rss version=\"2.0\"><channel><content:encoded>x</content:encoded>"
                        + "<foo:bar foo:attr=\"1\"/></channel></rss>";
        assertThat(UndeclaredPrefixes.declareMissing(xml))
                .startsWith(
                        "<?xml version=\"1.0\"?><!-- c --><rss xmlns:content=\"http://purl.org/rss/1.0/modules/content/\""
                                + " xmlns:foo=\"urn:x-newsradar:undeclared-prefix:foo\" version=\"2.0\">");
    }

    @Test
    void shouldLeaveADocumentThatDeclaresEverythingUnchanged() {
        String xml =
                "<rss xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><dc:title>t</dc:title><x xml:lang=\"en\"/></rss>";
        assertThat(UndeclaredPrefixes.declareMissing(xml)).isSameAs(xml);
    }
}
