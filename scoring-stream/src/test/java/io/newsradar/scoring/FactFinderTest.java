package io.newsradar.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FactFinderTest {

    private static List<String> find(Fact.Kind kind, String text) {
        return FactFinder.find(ArticleField.BODY, text).stream()
                .filter(f -> f.kind() == kind)
                .map(Fact::text)
                .toList();
    }

    @Test
    void shouldFindNamedProgrammes() {
        assertThat(find(Fact.Kind.PROGRAMME, "They funded Project Blue Heron last year."))
                .containsExactly("Project Blue Heron");
        assertThat(find(Fact.Kind.PROGRAMME, "Work on the Kestrel programme starts soon."))
                .containsExactly("Kestrel programme");
        assertThat(find(Fact.Kind.PROGRAMME, "a research initiative dubbed \"Lantern\" will"))
                .hasSize(1);
    }

    @Test
    void shouldNotTakeDescriptionsForProgrammeNames() {
        assertThat(find(
                        Fact.Kind.PROGRAMME,
                        "The programme has no name. The joint AI programme is new. "
                                + "The AI programme grows. No programmes were announced."))
                .isEmpty();
    }

    @Test
    void shouldFindMoneyAmounts() {
        assertThat(find(Fact.Kind.AMOUNT, "a budget of $1.2 billion")).containsExactly("$1.2 billion");
        assertThat(find(Fact.Kind.AMOUNT, "worth 900 billion won over")).containsExactly("900 billion won");
        assertThat(find(Fact.Kind.AMOUNT, "EUR 40 million in grants")).containsExactly("EUR 40 million");
        assertThat(find(Fact.Kind.AMOUNT, "Sales rose 6 percent in 12 stores")).isEmpty();
        assertThat(find(Fact.Kind.AMOUNT, "tickets cost 900 won each")).containsExactly("900 won");
        assertThat(find(Fact.Kind.AMOUNT, "a 1,250,000 dollars grant")).containsExactly("1,250,000 dollars");
        assertThat(find(Fact.Kind.AMOUNT, "about 4.5billion euros")).containsExactly("4.5billion euros");
    }

    /**
     * Shapes that made the old patterns retry every split of a long run at every position (the
     * first took seconds at 20,000 characters, minutes at 200,000). The timeout is a guard
     * against a hang, not a benchmark: linear matching takes milliseconds here.
     */
    @ParameterizedTest
    @ValueSource(strings = {"1,", "1.", "$1,", "the Aaaa ", "January  ", "Project A-", "1 "})
    void shouldFindFactsInAPathologicalBodyWithoutHanging(String unit) {
        String body = unit.repeat(200_000 / unit.length()) + " and then 5 dollars";

        List<Fact> facts =
                assertTimeoutPreemptively(Duration.ofSeconds(5), () -> FactFinder.find(ArticleField.BODY, body));

        assertThat(facts).allSatisfy(f -> assertThat(f.end()).isLessThanOrEqualTo(FactFinder.MAX_SCANNED_CHARS));
    }

    @Test
    void shouldLookForFactsOnlyNearTheTopOfALongBody() {
        String filler = "Officials met again and talked at length about many things. ";
        String top = "Project Blue Heron gets $1.2 billion. ";
        String body = top + filler.repeat(FactFinder.MAX_SCANNED_CHARS / filler.length() + 10)
                + "Operation Late Find costs 40 million euros by 2031.";

        List<Fact> facts = FactFinder.find(ArticleField.BODY, body);

        assertThat(facts).extracting(Fact::text).containsExactly("Project Blue Heron", "$1.2 billion");
        assertThat(facts.get(1).start()).isEqualTo(body.indexOf("$1.2"));
    }

    @Test
    void shouldCutTheScannedTextAtWhiteSpaceSoNoNumberIsHalved() {
        String head = "x".repeat(FactFinder.MAX_SCANNED_CHARS - 6) + " $1,250 dollars";

        assertThat(FactFinder.scannedPart(head + " tail")).isEqualTo("x".repeat(FactFinder.MAX_SCANNED_CHARS - 6));
        assertThat(FactFinder.scannedPart("short text")).isEqualTo("short text");
    }

    @Test
    void shouldFindDatesButNotTheVerbMay() {
        assertThat(find(Fact.Kind.DATE, "signed on March 3, 2026 in Tokyo")).containsExactly("March 3, 2026");
        assertThat(find(Fact.Kind.DATE, "due on 14 June")).containsExactly("14 June");
        assertThat(find(Fact.Kind.DATE, "operational by 2029")).containsExactly("by 2029");
        assertThat(find(Fact.Kind.DATE, "officials may 3 times a year review it"))
                .isEmpty();
    }
}
