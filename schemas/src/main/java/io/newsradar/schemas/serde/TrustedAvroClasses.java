package io.newsradar.schemas.serde;

import io.newsradar.avro.Alert;
import io.newsradar.avro.AlertLifecycle;
import io.newsradar.avro.Contribution;
import io.newsradar.avro.IngestChannel;
import io.newsradar.avro.NewsArticle;
import io.newsradar.avro.ScoredArticle;
import io.newsradar.avro.Tag;
import org.apache.avro.util.ClassSecurityValidator;

/**
 * Avro 1.12 refuses to instantiate classes named in a schema unless they are trusted. Decoding
 * with schema resolution (an older writer) looks our generated classes up by name, so they are
 * added to the global allow-list, once, alongside whatever else is already trusted.
 */
final class TrustedAvroClasses {
    private static boolean registered;

    private TrustedAvroClasses() {}

    static synchronized void register() {
        if (registered) {
            return;
        }
        ClassSecurityValidator.ClassSecurityPredicate ours = ClassSecurityValidator.builder()
                .add(NewsArticle.class)
                .add(ScoredArticle.class)
                .add(Alert.class)
                .add(Tag.class)
                .add(Contribution.class)
                .add(IngestChannel.class)
                .add(AlertLifecycle.class)
                .build();
        ClassSecurityValidator.setGlobal(ClassSecurityValidator.composite(ClassSecurityValidator.getGlobal(), ours));
        registered = true;
    }
}
