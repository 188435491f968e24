package io.newsradar.scoring.eval;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsradar.avro.NewsArticle;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvalCorpusTest {
    @TempDir
    Path tmp;

    /** A repository checkout at tmp/repo with no shared folder beside it. */
    private Path repository() throws Exception {
        Path repo = tmp.resolve("repo");
        Files.createDirectories(repo.resolve("eval"));
        Files.createDirectories(repo.resolve("scoring-stream"));
        Files.writeString(repo.resolve("eval/LABELLING.md"), "guide");
        return repo;
    }

    @Test
    void shouldFindTheRepositoryRootFromAModuleAndTheSharedFolderBesideIt() throws Exception {
        Path repo = repository();

        Path root = EvalCorpus.repositoryRoot(repo.resolve("scoring-stream"));

        assertThat(root).isEqualTo(repo.toAbsolutePath().normalize());
        assertThat(EvalCorpus.evalDir(root, null))
                .isEqualTo(tmp.resolve("shared/eval").toAbsolutePath());
        assertThat(EvalCorpus.evalDir(root, " "))
                .isEqualTo(tmp.resolve("shared/eval").toAbsolutePath());
        assertThat(EvalCorpus.evalDir(root, tmp.resolve("elsewhere").toString()))
                .isEqualTo(tmp.resolve("elsewhere").toAbsolutePath());
    }

    @Test
    void shouldSayWhatIsMissingAndHowToPointAtItWhenTheSharedFolderIsAbsent() throws Exception {
        Path dir = EvalCorpus.evalDir(EvalCorpus.repositoryRoot(repository()), null);

        String why = EvalCorpus.missing(dir);

        assertThat(why)
                .contains(dir.resolve(EvalCorpus.AGNEWS_FILE).toString())
                .contains(dir.resolve(EvalCorpus.FWD_FILE).toString())
                .contains("../shared/eval")
                .contains("-D" + EvalCorpus.DIR_PROPERTY + "=DIR");
    }

    @Test
    void shouldReadBothFormatsIntoArticles() throws Exception {
        Path dir = tmp.resolve("shared");
        Files.createDirectories(dir.resolve("news"));
        Files.writeString(dir.resolve(EvalCorpus.AGNEWS_FILE), """
                {"id": "agnews-test-7", "label_name": "World", "title": "Navy #39;s ship (AP)", \
                "description": "AP - A ship\\\\sailed  #36;5 away."}
                {"id": "agnews-test-9", "label_name": "Sports", "title": "T", "description": "D"}
                """, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve(EvalCorpus.FWD_FILE), """
                [{"title": " Headline one ", "category": "worldnews", "timestamp": 1657535136, "source_index": 6},
                 {"title": "Headline two", "category": "science", "source_index": 10}]
                """, StandardCharsets.UTF_8);

        assertThat(EvalCorpus.missing(dir)).isNull();
        EvalCorpus.Texts ag = EvalCorpus.agnews(dir.resolve(EvalCorpus.AGNEWS_FILE));
        EvalCorpus.Texts fwd = EvalCorpus.fwd(dir.resolve(EvalCorpus.FWD_FILE));

        NewsArticle a = ag.articles().get("agnews-test-7");
        assertThat(a.getTitle()).isEqualTo("Navy's ship (AP)");
        assertThat(a.getBody()).isEqualTo("AP - A ship sailed $5 away.");
        assertThat(ag.rows())
                .containsExactly(
                        new EvalCorpus.SourceRow("World", "agnews-test-7"),
                        new EvalCorpus.SourceRow("Sports", "agnews-test-9"));
        NewsArticle h = fwd.articles().get("fwd-6");
        assertThat(h.getTitle()).isEqualTo("Headline one");
        assertThat(h.getBody()).isEmpty();
        assertThat(h.getPublishedAt()).isEqualTo(Instant.ofEpochSecond(1657535136));
        assertThat(fwd.rows()).extracting(EvalCorpus.SourceRow::id).containsExactly("fwd-6", "fwd-10");
    }

    @Test
    void shouldAcceptOnlyTheSampleTheLabelsWereDrawnAs() {
        List<EvalCorpus.SourceRow> source = List.of(
                new EvalCorpus.SourceRow("b", "id-1"),
                new EvalCorpus.SourceRow("a", "id-2"),
                new EvalCorpus.SourceRow("a", "id-3"),
                new EvalCorpus.SourceRow("b", "id-4"),
                new EvalCorpus.SourceRow("a", "id-5"));
        Comparator<String> bySha = Comparator.comparing(EvalCorpus::sha256);
        List<String> a = Stream.of("id-2", "id-3", "id-5").sorted(bySha).toList();
        List<String> b = Stream.of("id-1", "id-4").sorted(bySha).toList();
        // the rule: groups in name order, in each the lowest SHA-256 of the id first; one of "a", two of "b"
        List<LabelledItem> sample = List.of(label(a.get(0), "a"), label(b.get(0), "b"), label(b.get(1), "b"));
        assertThat(SampleCheck.mismatch(sample, source)).isNull();

        List<LabelledItem> notLowest = List.of(label(a.get(1), "a"), label(b.get(0), "b"), label(b.get(1), "b"));
        assertThat(SampleCheck.mismatch(notLowest, source))
                .isEqualTo("label 1 is " + a.get(1) + " (a), the sample rule gives " + a.get(0) + " (a)");
        List<LabelledItem> swapped = List.of(label(a.get(0), "a"), label(b.get(1), "b"), label(b.get(0), "b"));
        assertThat(SampleCheck.mismatch(swapped, source)).startsWith("label 2 is ");
    }

    private static LabelledItem label(String id, String group) {
        return new LabelledItem(id, group, Set.of());
    }
}
